"""The demo's tuning: how a Swedish service office's days are shaped, as weights and shares.

Every figure the demo draws from lives here, so the office's rhythm can be
tuned in one place. Codes are the seed catalog's; an office's own codes get
the defaults the pickers in :mod:`app.demo.world` give them.
"""

from __future__ import annotations

from datetime import date, timedelta

# Relative volume by weekday (Monday peak) and month (tax returns in April–May).
WEEKDAY_FACTOR = (1.30, 1.00, 0.95, 1.05, 0.75, 0.5, 0.3)
MONTH_FACTOR = (1.05, 0.95, 1.0, 1.3, 1.3, 0.95, 0.7, 0.9, 1.0, 1.0, 0.95, 0.85)
TAX_SEASON = (4, 5)
# Arrivals by local clock hour (10–11 peak); a share of the day queues at the door.
HOUR_WEIGHT = {8: 0.7, 9: 1.0, 10: 1.6, 11: 1.25, 12: 1.0, 13: 1.05, 14: 0.95, 15: 0.8}
HOUR_WEIGHT_LATE = 0.55
OPENING_QUEUE_SHARE = 0.06
STOP_ISSUING_BEFORE_CLOSE = 5 * 60
# Visitor mix.
QUEUE_SHARE = {"A": 0.40, "B": 0.28, "C": 0.12, "D": 0.20}
BOOKED_SHARE = 0.06  # booked ID-card times, in the Skatteverket queue
QUICK_SHARE = {"phone": 0.03, "desk": 0.02}
ERRAND_COUNTS = ((1, 0.80), (2, 0.95), (3, 1.01))  # errands per visit, cumulative shares
# Behaviour.
# Minutes a visitor waits before leaving: some are impatient, nobody waits for ever.
IMPATIENT_SHARE, PATIENCE_MINUTES, MAX_PATIENCE_MINUTES = 0.3, (15, 60), (90, 180)
SEEN_LEAVING_SHARE = 0.3  # the others who left become no-shows when called
NO_SHOW_SHARE, RECALL_SHARE, TRANSFER_SHARE = 0.02, 0.06, 0.015
FORGOT_TO_FINISH_SHARE, CANCEL_SHARE = 0.008, 0.005
# Staffing is planned on the expected load, not on what happens.
PLAN_SERVICE_MINUTES, PLAN_UTILISATION, SIZING_UTILISATION = 11.0, 0.9, 0.9
SICK_DAY_SHARE, TRAINING_SHARE, TRAINING_FROM_HOUR = 0.15, 0.25, 14

# Weights by catalog code; an office's own codes get the defaults.
AGENCY_MINUTES = {"FK": 8.0, "SKV": 7.0, "PM": 10.0, "AF": 7.0, "GEMENSAMT": 5.0}
TYPE_MINUTES = {
    "id-kort": 9.0,
    "id-kontroll": 12.0,
    "handlingar": 3.0,
    "ta-emot-handlingar": 3.0,
    "personbevis": 4.0,
}
TYPE_WEIGHT = {
    "ovrigt": 0.6,
    "mina-sidor": 2.0,
    "foraldrapenning": 2.0,
    "vab": 1.5,
    "folkbokforing": 2.5,
    "personbevis": 1.5,
    "id-kort": 0.0,  # booked times only
    "id-kontroll": 0.0,
    "deklaration": 0.8,
    "allman-pension": 1.5,
    "bostadstillagg": 1.5,
    "e-tjanst-bankid": 3.0,
    "ta-emot-handlingar": 2.0,
}
TAX_SEASON_TYPE_FACTOR = {"deklaration": 6.0, "jamkning": 1.5}
DOCUMENT_TYPES = ("handlingar", "ta-emot-handlingar")
BOOKED_TYPES = {"id-kort": 0.8, "id-kontroll": 0.2}  # Skatteverket's booked times
OUTCOME_WEIGHT = {
    "resolved": 0.38,
    "e-service": 0.24,
    "documents": 0.10,
    "meeting-booked": 0.08,
    "referred": 0.12,
    "not-helped": 0.06,
}
TARGET_WEIGHT = {"MIGRATIONSVERKET": 1.5, "SOCIALTJANST": 1.2, "CSN": 0.5}
LANGUAGE_WEIGHT = {
    "sv": 82.0,
    "en": 6.0,
    "ar": 3.0,
    "so": 1.5,
    "uk": 1.5,
    "ti": 1.0,
    "fa": 1.0,
    "fi": 0.8,
    "pl": 0.7,
    "prs": 0.5,
    "tr": 0.5,
    "es": 0.5,
}
PLAIN_LANGUAGES = ("sv", "en")
INTERPRETER_WEIGHT = {"none": 0.5, "phone": 0.35, "on-site": 0.15}
INTERPRETER_TIME = {"phone": 1.7, "on-site": 1.4}
NO_INTERPRETER_TIME = 1.25  # another language, served with a helper or not at all

# A week with no holidays, to size the office on a plain week.
REFERENCE_WEEK = [date(2001, 1, 8) + timedelta(days=i) for i in range(7)]
