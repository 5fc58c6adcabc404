"""The Swedish sentences of set-up and catalog refusals, by message id, and the words
that fill them: a parameter named in WORDS holds a code the screen words (a state, a
day, a role …). Marked for Qt Linguist in the context "Refusal".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

# QT_TRANSLATE_NOOP gives back its text (typed object): refusals.py makes them str.
TEMPLATES: dict[str, Any] = {
    # setup
    "setup.label.empty": QT_TRANSLATE_NOOP("Refusal", "Fyll i {what}: det får inte vara tomt."),
    "setup.label.too_long": QT_TRANSLATE_NOOP(
        "Refusal", "{What} får vara högst {limit} tecken långt."
    ),
    "setup.label.unprintable": QT_TRANSLATE_NOOP(
        "Refusal", "{What} innehåller ett tecken som inte kan visas eller skrivas ut ({char})."
    ),
    "setup.point.number": QT_TRANSLATE_NOOP(
        "Refusal", "Luckans nummer ska vara ett heltal från 1 till {max}."
    ),
    "setup.point.not_found": QT_TRANSLATE_NOOP(
        "Refusal", "Lucka {number} finns inte. Uppdatera listan och försök igen."
    ),
    "setup.point.number_taken": QT_TRANSLATE_NOOP(
        "Refusal", "Nummer {number} har redan {name}. Välj ett annat nummer."
    ),
    "setup.point.number_retired": QT_TRANSLATE_NOOP(
        "Refusal", "Nummer {number} har redan {name}. Den är ur bruk: återställ den i stället."
    ),
    "setup.point.reserve": QT_TRANSLATE_NOOP(
        "Refusal", "En reserverad lucka håller sig ledig {low}–{high} minuter före en bokning."
    ),
    "setup.point.call_order": QT_TRANSLATE_NOOP(
        "Refusal", "Välj en ordning för uppropen i listan."
    ),
    "setup.profile.twice": QT_TRANSLATE_NOOP(
        "Refusal", "Arbetsprofilen: kö {letter} finns med två gånger."
    ),
    "setup.profile.unknown": QT_TRANSLATE_NOOP(
        "Refusal", "Arbetsprofilen: kö {letter} finns inte bland köerna i bruk."
    ),
    "setup.point.in_use": QT_TRANSLATE_NOOP(
        "Refusal",
        "{name} betjänar {code} just nu. Avsluta besöket först och ta sedan luckan ur bruk.",
    ),
    "setup.point.last": QT_TRANSLATE_NOOP("Refusal", "Kontoret behöver minst en lucka i bruk."),
    "setup.queue.not_found": QT_TRANSLATE_NOOP(
        "Refusal", "Kön finns inte längre. Uppdatera listan och försök igen."
    ),
    "setup.queue.letter": QT_TRANSLATE_NOOP(
        "Refusal", "Köns bokstav ska vara en bokstav A–Z (utan å, ä, ö)."
    ),
    "setup.queue.letter_taken": QT_TRANSLATE_NOOP(
        "Refusal", "Bokstaven {letter} används redan av kön {label}. Välj en annan bokstav."
    ),
    "setup.queue.waited_in": QT_TRANSLATE_NOOP(
        "Refusal",
        "Kö {letter} har {count} besökare som väntar eller betjänas i dag. Ta kön ur bruk "
        "när den är tom, eller flytta besökarna till en annan kö först.",
    ),
    "setup.queue.last": QT_TRANSLATE_NOOP(
        "Refusal", "Kontoret behöver minst en kö i bruk. Lägg till en ny kö först."
    ),
    "setup.queue.served_alone": QT_TRANSLATE_NOOP(
        "Refusal", "{point} betjänar bara kö {letter}. Ändra luckans arbetsprofil först."
    ),
    "setup.queue.no_letter": QT_TRANSLATE_NOOP(
        "Refusal",
        "Kön {label} har ingen bokstav. Ge den en ledig bokstav med Ändra, och återställ den "
        "sedan.",
    ),
    "setup.queue.retired_agency": QT_TRANSLATE_NOOP(
        "Refusal",
        "Kön {label} hör till {agency}, som är ur bruk. Återställ myndigheten, eller ta bort "
        "den från kön med Ändra, först.",
    ),
    "setup.catalog.last_agency": QT_TRANSLATE_NOOP(
        "Refusal",
        "Katalogen behöver minst en myndighet i bruk. Lägg till en ny först om du vill ta "
        "den här ur bruk.",
    ),
    "setup.catalog.last_outcome": QT_TRANSLATE_NOOP(
        "Refusal",
        "Katalogen behöver minst ett utfall i bruk. Lägg till en ny först om du vill ta den "
        "här ur bruk.",
    ),
    "setup.catalog.last_language": QT_TRANSLATE_NOOP(
        "Refusal",
        "Katalogen behöver minst ett språk i bruk. Lägg till en ny först om du vill ta den "
        "här ur bruk.",
    ),
    "setup.catalog.last_interpreter_kind": QT_TRANSLATE_NOOP(
        "Refusal",
        "Katalogen behöver minst ett tolkval i bruk. Lägg till en ny först om du vill ta den "
        "här ur bruk.",
    ),
    "setup.catalog.default_language": QT_TRANSLATE_NOOP(
        "Refusal",
        "{label} är förvalt språk för ärenden där inget annat väljs och kan inte tas ur "
        "bruk. Byt namn på posten om den ska visas annorlunda.",
    ),
    "setup.catalog.default_interpreter_kind": QT_TRANSLATE_NOOP(
        "Refusal",
        "{label} är förvalt tolkval för ärenden där inget annat väljs och kan inte tas ur "
        "bruk. Byt namn på posten om den ska visas annorlunda.",
    ),
    "setup.catalog.unknown_kind": QT_TRANSLATE_NOOP("Refusal", "Okänd sorts post i katalogen."),
    "setup.catalog.no_agency": QT_TRANSLATE_NOOP(
        "Refusal", "Myndigheten {code} finns inte i katalogen. Uppdatera och försök igen."
    ),
    "setup.catalog.not_found": QT_TRANSLATE_NOOP(
        "Refusal", "{Kind} {code} finns inte i katalogen. Uppdatera och försök igen."
    ),
    "setup.catalog.agency_in_queues": QT_TRANSLATE_NOOP(
        "Refusal", "{label} hör till kö {queues}. Ta bort myndigheten från kön under Köer först."
    ),
    "setup.catalog.agency_retired": QT_TRANSLATE_NOOP(
        "Refusal", "{label} är ur bruk. Återställ myndigheten först."
    ),
    "setup.catalog.code": QT_TRANSLATE_NOOP("Refusal", "Koden {problem}."),
    "setup.catalog.code_taken": QT_TRANSLATE_NOOP(
        "Refusal",
        "Koden {code} finns redan. Välj en annan kod (eller återställ den gamla posten om "
        "den är ur bruk).",
    ),
    "setup.kiosk.no_texts": QT_TRANSLATE_NOOP(
        "Refusal",
        "Kiosken kan inte erbjuda språket {code}: det finns inga besökartexter på det språket.",
    ),
    "setup.kiosk.too_many": QT_TRANSLATE_NOOP(
        "Refusal", "Kiosken kan erbjuda högst {limit} språk."
    ),
    "setup.hours.not_time": QT_TRANSLATE_NOOP(
        "Refusal", "Öppettiderna på {day}: {value} är inte en tid (TT:MM)."
    ),
    "setup.hours.not_pairs": QT_TRANSLATE_NOOP(
        "Refusal", "Öppettiderna på {day} ska vara par av tider."
    ),
    "setup.hours.too_many": QT_TRANSLATE_NOOP(
        "Refusal", "Öppettiderna på {day}: högst {limit} pass per dag."
    ),
    "setup.hours.not_pair": QT_TRANSLATE_NOOP(
        "Refusal", "Öppettiderna på {day}: varje pass har en start- och en sluttid."
    ),
    "setup.hours.backwards": QT_TRANSLATE_NOOP(
        "Refusal",
        "Öppettiderna på {day}: {start}–{end} slutar innan det börjar. Rätta tiderna och "
        "spara igen.",
    ),
    "setup.hours.overlap": QT_TRANSLATE_NOOP(
        "Refusal",
        "Öppettiderna på {day}: passen överlappar varandra. Rätta tiderna och spara igen.",
    ),
    "setup.hours.unknown_day": QT_TRANSLATE_NOOP("Refusal", "Öppettiderna: okänd veckodag {day}."),
    "setup.limit": QT_TRANSLATE_NOOP(
        "Refusal", "Värdet för {field} ska vara ett heltal från {low} till {high}."
    ),
    "setup.backup_days": QT_TRANSLATE_NOOP(
        "Refusal",
        "Säkerhetskopior får sparas högst lika länge som besöken gallras ({days} dagar), "
        "annars finns gallrade besök kvar i dem.",
    ),
    "setup.queue.unknown_agency": QT_TRANSLATE_NOOP(
        "Refusal", "Myndigheten {code} finns inte bland myndigheterna i bruk."
    ),
    # catalog
    "catalog.code.rule": QT_TRANSLATE_NOOP(
        "Refusal",
        "får bara innehålla bokstäverna A–Z, siffror, bindestreck och understreck (högst 40 "
        "tecken), och aldrig sex siffror i följd",
    ),
    "catalog.code.digits": QT_TRANSLATE_NOOP(
        "Refusal",
        "ser ut som ett personnummer, ett datum eller ett telefonnummer (sex siffror eller "
        "fler i följd)",
    ),
    "catalog.where": QT_TRANSLATE_NOOP("Refusal", "{where}: {text}"),
    "catalog.not_object": QT_TRANSLATE_NOOP("Refusal", "måste vara ett objekt"),
    "catalog.empty_object": QT_TRANSLATE_NOOP("Refusal", "tomt objekt"),
    "catalog.unknown_field": QT_TRANSLATE_NOOP("Refusal", "okänt fält '{name}'"),
    "catalog.key_missing": QT_TRANSLATE_NOOP("Refusal", "{key} saknas"),
    "catalog.not_text": QT_TRANSLATE_NOOP("Refusal", "{key} måste vara en text"),
    "catalog.too_long": QT_TRANSLATE_NOOP("Refusal", "{key} är längre än 120 tecken"),
    "catalog.unprintable": QT_TRANSLATE_NOOP(
        "Refusal", "{key} innehåller ett tecken som inte kan visas eller skrivas ut ({char})"
    ),
    "catalog.code": QT_TRANSLATE_NOOP("Refusal", "koden {problem}"),
    "catalog.duplicate_code": QT_TRANSLATE_NOOP("Refusal", "koden '{code}' finns redan"),
    "catalog.missing": QT_TRANSLATE_NOOP("Refusal", "saknas"),
    "catalog.not_list": QT_TRANSLATE_NOOP("Refusal", "måste vara en lista"),
    "catalog.no_entries": QT_TRANSLATE_NOOP("Refusal", "måste ha minst en post"),
    "catalog.requires_referral": QT_TRANSLATE_NOOP(
        "Refusal", "requires_referral måste vara true eller false"
    ),
    "catalog.not_catalog": QT_TRANSLATE_NOOP(
        "Refusal", "katalogen måste vara ett JSON-objekt med 'format' och 'version'"
    ),
    "catalog.format": QT_TRANSLATE_NOOP("Refusal", "måste vara '{format}'"),
    "catalog.version": QT_TRANSLATE_NOOP("Refusal", "måste vara {version}"),
    "catalog.unknown_section": QT_TRANSLATE_NOOP("Refusal", "okänd del"),
    "catalog.kind": QT_TRANSLATE_NOOP("Refusal", "kind måste vara en av {kinds}"),
    "catalog.keep_default": QT_TRANSLATE_NOOP(
        "Refusal", "måste behålla posten med koden '{code}' (standardvalet)"
    ),
    "catalog.letter": QT_TRANSLATE_NOOP("Refusal", "letter måste vara en stor bokstav A–Z"),
    "catalog.duplicate_letter": QT_TRANSLATE_NOOP("Refusal", "bokstaven '{letter}' finns redan"),
    "catalog.agency_list": QT_TRANSLATE_NOOP(
        "Refusal", "agencies måste vara en lista med myndighetskoder"
    ),
    "catalog.unknown_agency": QT_TRANSLATE_NOOP("Refusal", "okänd myndighet '{agency}'"),
    "catalog.no_file": QT_TRANSLATE_NOOP("Refusal", "{path}: filen finns inte"),
    "catalog.unreadable": QT_TRANSLATE_NOOP("Refusal", "{path}: filen kan inte läsas ({error})"),
    "catalog.not_json": QT_TRANSLATE_NOOP(
        "Refusal", "{path}: inte giltig JSON (rad {line}, kolumn {column})"
    ),
    "catalog.queue_waited_in": QT_TRANSLATE_NOOP(
        "Refusal",
        "kö {letter} saknas i filen men {count} besökare väntar eller betjänas i den; "
        "importera när kön är tom",
    ),
    "catalog.queue_served_alone": QT_TRANSLATE_NOOP(
        "Refusal",
        "kö {letter} saknas i filen men {point} betjänar bara den kön; ändra luckans "
        "arbetsprofil först",
    ),
}

# A parameter of this name holds a code; the screen says the word (a code not listed is
# shown as it is).
WORDS: dict[str, dict[str, Any]] = {
    "state": {
        "waiting": QT_TRANSLATE_NOOP("Refusal", "väntar"),
        "called": QT_TRANSLATE_NOOP("Refusal", "är uppropad"),
        "serving": QT_TRANSLATE_NOOP("Refusal", "betjänas"),
        "parked": QT_TRANSLATE_NOOP("Refusal", "är parkerad"),
        "done": QT_TRANSLATE_NOOP("Refusal", "är klar"),
        "no_show": QT_TRANSLATE_NOOP("Refusal", "uteblev"),
        "walked_out": QT_TRANSLATE_NOOP("Refusal", "gick innan upprop"),
        "cancelled": QT_TRANSLATE_NOOP("Refusal", "är makulerad"),
        "not_served": QT_TRANSLATE_NOOP("Refusal", "stängdes obetjänad"),
    },
    "action": {
        "start serving": QT_TRANSLATE_NOOP("Refusal", "börja betjäna"),
        "mark as no-show": QT_TRANSLATE_NOOP("Refusal", "markera som utebliven"),
        "undo the no-show of": QT_TRANSLATE_NOOP("Refusal", "ångra uteblivet för"),
        "return to the queue": QT_TRANSLATE_NOOP("Refusal", "lägga tillbaka i kön"),
        "undo the return of": QT_TRANSLATE_NOOP("Refusal", "ångra tillbaka i kön för"),
        "take over": QT_TRANSLATE_NOOP("Refusal", "ta över"),
        "park": QT_TRANSLATE_NOOP("Refusal", "parkera"),
        "mark as walked out": QT_TRANSLATE_NOOP("Refusal", "markera som gått"),
        "undo walked out for": QT_TRANSLATE_NOOP("Refusal", "ångra gått för"),
        "transfer": QT_TRANSLATE_NOOP("Refusal", "flytta"),
        "finish": QT_TRANSLATE_NOOP("Refusal", "avsluta"),
        "call": QT_TRANSLATE_NOOP("Refusal", "ropa upp"),
        "recall": QT_TRANSLATE_NOOP("Refusal", "ropa upp igen"),
        "cancel": QT_TRANSLATE_NOOP("Refusal", "makulera"),
        "print": QT_TRANSLATE_NOOP("Refusal", "skriva ut"),
    },
    "what": {
        "office_name": QT_TRANSLATE_NOOP("Refusal", "kontorets namn"),
        "label": QT_TRANSLATE_NOOP("Refusal", "namnet"),
        "label_en": QT_TRANSLATE_NOOP("Refusal", "engelska namnet"),
        "queue_name": QT_TRANSLATE_NOOP("Refusal", "köns namn"),
        "queue_name_en": QT_TRANSLATE_NOOP("Refusal", "köns engelska namn"),
        "point_name": QT_TRANSLATE_NOOP("Refusal", "luckans namn"),
    },
    "kind": {
        "agency": QT_TRANSLATE_NOOP("Refusal", "myndigheten"),
        "errand_type": QT_TRANSLATE_NOOP("Refusal", "ärendetypen"),
        "outcome": QT_TRANSLATE_NOOP("Refusal", "utfallet"),
        "referral_target": QT_TRANSLATE_NOOP("Refusal", "hänvisningsmålet"),
        "language": QT_TRANSLATE_NOOP("Refusal", "språket"),
        "interpreter_kind": QT_TRANSLATE_NOOP("Refusal", "tolkvalet"),
    },
    "field": {
        "recalls_before_no_show": QT_TRANSLATE_NOOP("Refusal", "antal upprop innan uteblev"),
        "recall_min_seconds": QT_TRANSLATE_NOOP("Refusal", "minsta tid mellan upprop (sekunder)"),
        "priority_ratio": QT_TRANSLATE_NOOP("Refusal", "förturslappar i följd"),
        "retention_days": QT_TRANSLATE_NOOP("Refusal", "gallringstid (dagar)"),
        "backup_days": QT_TRANSLATE_NOOP("Refusal", "hur länge säkerhetskopior sparas (dagar)"),
        "small_count_threshold": QT_TRANSLATE_NOOP("Refusal", "gränsen för små tal"),
        "idle_lock_minutes": QT_TRANSLATE_NOOP("Refusal", "automatisk låsning efter (minuter)"),
        "pin_min_length": QT_TRANSLATE_NOOP("Refusal", "kortaste kod (tecken)"),
        "kiosk_cutoff_minutes": QT_TRANSLATE_NOOP(
            "Refusal", "kioskens stopp före stängning (minuter)"
        ),
        "kiosk_idle_seconds": QT_TRANSLATE_NOOP(
            "Refusal", "kioskens återgång till början (sekunder)"
        ),
        "max_waiting": QT_TRANSLATE_NOOP("Refusal", "högst antal väntande"),
        "booking_tolerance_minutes": QT_TRANSLATE_NOOP(
            "Refusal", "marginalen för bokade besök (minuter)"
        ),
    },
    "day": {
        "mon": QT_TRANSLATE_NOOP("Refusal", "måndag"),
        "tue": QT_TRANSLATE_NOOP("Refusal", "tisdag"),
        "wed": QT_TRANSLATE_NOOP("Refusal", "onsdag"),
        "thu": QT_TRANSLATE_NOOP("Refusal", "torsdag"),
        "fri": QT_TRANSLATE_NOOP("Refusal", "fredag"),
        "sat": QT_TRANSLATE_NOOP("Refusal", "lördag"),
        "sun": QT_TRANSLATE_NOOP("Refusal", "söndag"),
    },
    "role": {
        "reception": QT_TRANSLATE_NOOP("Refusal", "reception"),
        "caseworker": QT_TRANSLATE_NOOP("Refusal", "handläggare"),
        "manager": QT_TRANSLATE_NOOP("Refusal", "kontorschef"),
        "kiosk": QT_TRANSLATE_NOOP("Refusal", "kiosk"),
    },
    "permission": {
        "anyone": QT_TRANSLATE_NOOP("Refusal", "se kön"),
        "issue": QT_TRANSLATE_NOOP("Refusal", "dela ut eller ändra kölappar"),
        "kiosk": QT_TRANSLATE_NOOP("Refusal", "dela ut kölappar i kiosken"),
        "bookings": QT_TRANSLATE_NOOP("Refusal", "läsa in dagens bokningar"),
        "serve": QT_TRANSLATE_NOOP("Refusal", "ropa upp och betjäna besökare"),
        "errands": QT_TRANSLATE_NOOP("Refusal", "registrera ärenden"),
        "correct_past": QT_TRANSLATE_NOOP("Refusal", "rätta en tidigare dags ärenden"),
        "statistics": QT_TRANSLATE_NOOP("Refusal", "se statistiken eller exportera den"),
        "configure": QT_TRANSLATE_NOOP("Refusal", "ändra kontorets inställningar"),
        "staff": QT_TRANSLATE_NOOP("Refusal", "hantera personalens konton"),
        "maintenance": QT_TRANSLATE_NOOP(
            "Refusal", "säkerhetskopiera, återställa, gallra eller läsa loggen"
        ),
        "sync": QT_TRANSLATE_NOOP("Refusal", "skicka statistiken till den centrala mottagaren"),
    },
    "entry": {
        "agency": QT_TRANSLATE_NOOP("Refusal", "myndigheten"),
        "errand_type": QT_TRANSLATE_NOOP("Refusal", "ärendetypen"),
        "outcome": QT_TRANSLATE_NOOP("Refusal", "utfallet"),
        "referral_target": QT_TRANSLATE_NOOP("Refusal", "hänvisningen"),
        "language": QT_TRANSLATE_NOOP("Refusal", "språket"),
        "interpreter": QT_TRANSLATE_NOOP("Refusal", "tolkvalet"),
    },
    "target": {
        "a symbolic link": QT_TRANSLATE_NOOP("Refusal", "en länk"),
        "a device, a pipe or a socket": QT_TRANSLATE_NOOP("Refusal", "ingen vanlig fil"),
        "a folder": QT_TRANSLATE_NOOP("Refusal", "en mapp"),
        "a file, not a folder": QT_TRANSLATE_NOOP("Refusal", "en fil, inte en mapp"),
    },
}
