"""The Swedish sentences of the core's refusals, by message id: queues, bookings, errands,
staff, access, the store, copies and sync (set-up and the catalog: refusal_texts_setup).

Each is a template for ``str.format`` with the message's parameters, marked for Qt
Linguist in the context "Refusal"; :func:`app.ui.shell.refusals.refusal_text` translates
and fills it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

# QT_TRANSLATE_NOOP gives back its text (typed object): refusals.py makes them str.
TEMPLATES: dict[str, Any] = {
    # queue
    "queue.unknown_queue": QT_TRANSLATE_NOOP(
        "Refusal", "Det finns ingen kö med bokstaven {letter}."
    ),
    "queue.unknown_language": QT_TRANSLATE_NOOP(
        "Refusal", "Det finns inget språk med koden {code} i katalogen."
    ),
    "queue.unknown_ticket": QT_TRANSLATE_NOOP("Refusal", "Det finns ingen kölapp {code} i dag."),
    "queue.unknown_point": QT_TRANSLATE_NOOP("Refusal", "Det finns ingen lucka {point}."),
    "queue.nobody_waiting": QT_TRANSLATE_NOOP(
        "Refusal", "Ingen väntar i köerna som lucka {point} betjänar."
    ),
    "queue.invalid_transition": QT_TRANSLATE_NOOP(
        "Refusal", "Det går inte att {action} {code}: lappen {state}."
    ),
    "queue.point_busy": QT_TRANSLATE_NOOP(
        "Refusal", "Lucka {point} betjänar fortfarande {code}. Avsluta den först."
    ),
    "queue.not_this_point": QT_TRANSLATE_NOOP(
        "Refusal", "{code} ropades inte upp till lucka {point}."
    ),
    "queue.recall_too_soon": QT_TRANSLATE_NOOP(
        "Refusal", "{code} ropades nyss upp. Vänta {seconds} s innan du ropar igen."
    ),
    "queue.too_few_recalls_once": QT_TRANSLATE_NOOP(
        "Refusal", "Ropa upp {code} en gång till innan du markerar att besökaren uteblev."
    ),
    "queue.too_few_recalls": QT_TRANSLATE_NOOP(
        "Refusal", "Ropa upp {code} {needed} gånger till innan du markerar att besökaren uteblev."
    ),
    "queue.full": QT_TRANSLATE_NOOP("Refusal", "Kö {letter} har delat ut alla 999 nummer i dag."),
    "queue.kept_for_booking": QT_TRANSLATE_NOOP(
        "Refusal",
        "Lucka {point} är reserverad för bokade besök: nästa bokning är {time}. Drop-in tas "
        "när nästa bokning är längre bort.",
    ),
    "queue.kiosk_closed": QT_TRANSLATE_NOOP(
        "Refusal", "Kiosken delar inte ut kölappar just nu: kontoret är stängt."
    ),
    "queue.office_full": QT_TRANSLATE_NOOP(
        "Refusal", "{limit} personer väntar redan, så många som kontoret tar emot samtidigt."
    ),
    # bookings
    "booking.unknown": QT_TRANSLATE_NOOP(
        "Refusal",
        "Det finns ingen bokning i dag med det bokningsnumret. Kontrollera numret, eller ge "
        "besökaren en vanlig kölapp.",
    ),
    "booking.cancelled": QT_TRANSLATE_NOOP(
        "Refusal", "Bokningen är avbokad. Besökaren kan få en vanlig kölapp."
    ),
    "booking.late": QT_TRANSLATE_NOOP(
        "Refusal", "Den bokade tiden har passerat. Besökaren kan få en vanlig kölapp."
    ),
    "booking.checked_in": QT_TRANSLATE_NOOP(
        "Refusal", "Bokningen är redan incheckad, med kölapp {code}."
    ),
    "bookings.import.at_line": QT_TRANSLATE_NOOP(
        "Refusal", "Rad {line}: {text}. Inget har lästs in."
    ),
    "bookings.import.unknown_agency": QT_TRANSLATE_NOOP(
        "Refusal", "myndigheten {agency} finns inte i katalogen"
    ),
    "bookings.import.unknown_errand_type": QT_TRANSLATE_NOOP(
        "Refusal", "ärendetypen {errand_type} finns inte hos {agency}"
    ),
    "bookings.import.unknown_language": QT_TRANSLATE_NOOP(
        "Refusal", "språket {language} finns inte i katalogen"
    ),
    "bookings.file.at_line": QT_TRANSLATE_NOOP("Refusal", "Rad {line}: {text}"),
    "bookings.file.column": QT_TRANSLATE_NOOP("Refusal", "kolumnen '{column}' {problem}."),
    "bookings.file.property": QT_TRANSLATE_NOOP("Refusal", "händelsens {name} {problem}."),
    "bookings.value.empty": QT_TRANSLATE_NOOP("Refusal", "är tomt"),
    "bookings.value.reference": QT_TRANSLATE_NOOP("Refusal", "måste vara 4–64 av A–Z, 0–9 och '-'"),
    "bookings.value.language": QT_TRANSLATE_NOOP("Refusal", "ska vara 2–12 bokstäver a–z, som ar"),
    "bookings.value.flag": QT_TRANSLATE_NOOP("Refusal", "måste vara ja eller nej (yes/no, 1/0)"),
    "bookings.value.status": QT_TRANSLATE_NOOP("Refusal", "måste vara bokad, avbokad eller tom"),
    "bookings.value.whole": QT_TRANSLATE_NOOP("Refusal", "är inget helt antal minuter"),
    "bookings.value.range": QT_TRANSLATE_NOOP("Refusal", "är {minutes} minuter, inte {low}–{high}"),
    "bookings.value.gap": QT_TRANSLATE_NOOP("Refusal", "ger {at}, en tid som klockan hoppar över"),
    "bookings.value.date": QT_TRANSLATE_NOOP("Refusal", "är inget datum ÅÅÅÅ-MM-DD (2026-12-08)"),
    "bookings.value.clock": QT_TRANSLATE_NOOP("Refusal", "är ingen tid TT:MM (09:30)"),
    "bookings.value.unreadable": QT_TRANSLATE_NOOP(
        "Refusal", "kan inte läsas eller finns två gånger"
    ),
    "bookings.value.missing": QT_TRANSLATE_NOOP("Refusal", "saknas"),
    "bookings.value.no_end": QT_TRANSLATE_NOOP("Refusal", "saknas (eller ange DURATION)"),
    "bookings.value.disagree": QT_TRANSLATE_NOOP("Refusal", "stämmer inte med DTEND"),
    "bookings.value.whole_day": QT_TRANSLATE_NOOP("Refusal", "saknar klockslag (en heldag)"),
    "bookings.value.repeats": QT_TRANSLATE_NOOP("Refusal", "upprepar den: en bokning är ett besök"),
    "bookings.value.zone": QT_TRANSLATE_NOOP(
        "Refusal",
        "anger den okända tidszonen '{zone}'. Ange en som Europe/Stockholm, eller en VTIMEZONE",
    ),
    "bookings.file.big": QT_TRANSLATE_NOOP(
        "Refusal", "Filen är större än {limit} MB. Exportera en dag eller en vecka åt gången."
    ),
    "bookings.file.many": QT_TRANSLATE_NOOP(
        "Refusal", "fler än {limit} bokningar. Exportera en dag eller en vecka åt gången."
    ),
    "bookings.file.empty": QT_TRANSLATE_NOOP("Refusal", "Filen är tom."),
    "bookings.file.not_ics": QT_TRANSLATE_NOOP(
        "Refusal", "'{name}' heter .ics men är ingen kalender."
    ),
    "bookings.file.not_text": QT_TRANSLATE_NOOP(
        "Refusal", "ingen text i UTF-8 (eller, för CSV, Windows-1252). Spara filen som CSV UTF-8."
    ),
    "bookings.file.twice": QT_TRANSLATE_NOOP(
        "Refusal", "samma bokningsnummer som rad {first}. En bokning får finnas en gång i filen."
    ),
    "bookings.file.no_header": QT_TRANSLATE_NOOP(
        "Refusal", "första raden ska namnge kolumnerna ({sv_names})."
    ),
    "bookings.file.unknown": QT_TRANSLATE_NOOP(
        "Refusal", "okänd kolumn '{column}'. Kolumnerna är {sv_names}."
    ),
    "bookings.file.double": QT_TRANSLATE_NOOP("Refusal", "kolumnen '{sv}' finns två gånger."),
    "bookings.file.lacking": QT_TRANSLATE_NOOP("Refusal", "kolumnen '{sv}' saknas."),
    "bookings.file.quotes": QT_TRANSLATE_NOOP("Refusal", "ett citattecken avslutas inte."),
    "bookings.file.count": QT_TRANSLATE_NOOP("Refusal", "{got} värden för {want} kolumner."),
    "bookings.file.nameless": QT_TRANSLATE_NOOP("Refusal", "ett värde i namnlös kolumn {n}."),
    "bookings.file.content": QT_TRANSLATE_NOOP("Refusal", "ingen iCalendar-rad (NAMN:värde)."),
    "bookings.file.end": QT_TRANSLATE_NOOP("Refusal", "END:{what} avslutar inget påbörjat."),
    "bookings.file.open": QT_TRANSLATE_NOOP("Refusal", "BEGIN:{what} avslutas aldrig."),
    "bookings.file.invalid": QT_TRANSLATE_NOOP("Refusal", "Ingen iCalendar-fil (RFC 5545)."),
    "bookings.file.apart": QT_TRANSLATE_NOOP("Refusal", "Händelserna gick inte att skilja åt."),
    "bookings.import.too_big": QT_TRANSLATE_NOOP(
        "Refusal",
        "Filen är större än {limit} MB. Exportera en dag eller en vecka åt gången. Inget har "
        "lästs in.",
    ),
    "bookings.import.file": QT_TRANSLATE_NOOP("Refusal", "{problem} Inget har lästs in."),
    # errands
    "errand.numbered": QT_TRANSLATE_NOOP("Refusal", "Ärende {number}: {text}"),
    "errand.unknown_entry": QT_TRANSLATE_NOOP(
        "Refusal", "Det finns ingen post '{code}' för {entry} i katalogen."
    ),
    "errand.retired_entry": QT_TRANSLATE_NOOP(
        "Refusal",
        "Valet '{code}' för {entry} används inte längre och kan inte väljas för nya ärenden.",
    ),
    "errand.type_mismatch": QT_TRANSLATE_NOOP(
        "Refusal",
        "Ärendetypen '{errand_type}' hör inte till {agency}. Välj en av dess ärendetyper.",
    ),
    "errand.referral_required": QT_TRANSLATE_NOOP(
        "Refusal", "Utfallet '{outcome}' kräver en hänvisning. Välj vart besökaren hänvisades."
    ),
    "errand.referral_not_allowed": QT_TRANSLATE_NOOP(
        "Refusal", "Utfallet '{outcome}' är ingen hänvisning. Lämna hänvisningen tom."
    ),
    "errand.invalid_duration": QT_TRANSLATE_NOOP(
        "Refusal", "Tiden {seconds} s är inte möjlig. Ange mellan 0 och {limit} timmar."
    ),
    "errand.none": QT_TRANSLATE_NOOP("Refusal", "Ett besök utan kölapp behöver minst ett ärende."),
    "errand.invalid_channel": QT_TRANSLATE_NOOP(
        "Refusal", "Ett besök utan kölapp sker i disken eller på telefon."
    ),
    "errand.unknown_visit": QT_TRANSLATE_NOOP("Refusal", "Det finns inget besök {visit}."),
    "errand.unknown_errand": QT_TRANSLATE_NOOP("Refusal", "Det finns inget ärende {errand}."),
    "errand.unknown_staff": QT_TRANSLATE_NOOP("Refusal", "Det finns ingen medarbetare {staff}."),
    "errand.past_retention": QT_TRANSLATE_NOOP(
        "Refusal", "Besöken från {date} är äldre än gallringstiden och kan inte ändras."
    ),
    "errand.not_yours": QT_TRANSLATE_NOOP(
        "Refusal",
        "Besöket betjänades av någon annan. Bara den personen eller kontorschefen kan ändra "
        "dess ärenden.",
    ),
    "errand.too_late": QT_TRANSLATE_NOOP(
        "Refusal", "Ärenden från {date} kan nu bara ändras av kontorschefen. Be hen om hjälp."
    ),
    # staff
    "staff.locked_minutes": QT_TRANSLATE_NOOP(
        "Refusal", "För många felaktiga försök. Försök igen om {minutes} min."
    ),
    "staff.locked_hour": QT_TRANSLATE_NOOP(
        "Refusal", "För många felaktiga försök. Försök igen om {hours} timme."
    ),
    "staff.locked_hours": QT_TRANSLATE_NOOP(
        "Refusal", "För många felaktiga försök. Försök igen om {hours} timmar."
    ),
    "staff.login_rule": QT_TRANSLATE_NOOP(
        "Refusal",
        "Användarnamnet ska vara 2–40 tecken: först en bokstav, sedan a–z, siffror, '.', '_' "
        "eller '-'.",
    ),
    "staff.role_rule": QT_TRANSLATE_NOOP(
        "Refusal", "Rollen ska vara reception, handläggare eller kontorschef."
    ),
    "staff.unknown": QT_TRANSLATE_NOOP(
        "Refusal", "Det finns ingen medarbetare med användarnamnet {login}."
    ),
    "staff.name_too_long": QT_TRANSLATE_NOOP("Refusal", "Namnet är för långt."),
    "staff.has_accounts": QT_TRANSLATE_NOOP(
        "Refusal", "Kontoret har redan personalkonton: logga in som kontorschef."
    ),
    "staff.login_taken": QT_TRANSLATE_NOOP("Refusal", "Användarnamnet {login} finns redan."),
    "staff.last_manager_disable": QT_TRANSLATE_NOOP(
        "Refusal", "Den sista aktiva kontorschefen kan inte stängas av."
    ),
    "staff.last_manager_role": QT_TRANSLATE_NOOP(
        "Refusal", "Den sista aktiva kontorschefen måste förbli kontorschef."
    ),
    "staff.sign_in_for_pin": QT_TRANSLATE_NOOP("Refusal", "Logga in för att byta din kod."),
    "staff.same_pin": QT_TRANSLATE_NOOP("Refusal", "Välj en annan kod än den du har nu."),
    "staff.gone": QT_TRANSLATE_NOOP("Refusal", "Kontot finns inte längre."),
    "staff.wrong_pin": QT_TRANSLATE_NOOP("Refusal", "Fel användarnamn eller kod."),
    "staff.pin.differ": QT_TRANSLATE_NOOP(
        "Refusal", "Koden och upprepningen stämmer inte överens. Inget har ändrats."
    ),
    "staff.pin.too_short": QT_TRANSLATE_NOOP("Refusal", "Koden ska vara minst {minimum} tecken."),
    "staff.pin.too_long": QT_TRANSLATE_NOOP("Refusal", "Koden får vara högst {maximum} tecken."),
    "staff.pin.repeated": QT_TRANSLATE_NOOP(
        "Refusal", "En kod med samma tecken upprepat är för lätt att gissa."
    ),
    # access
    "access.not_allowed": QT_TRANSLATE_NOOP("Refusal", "Som {role} får du inte {permission}."),
    "access.sign_in": QT_TRANSLATE_NOOP("Refusal", "Logga in för att {permission}."),
    # store
    "store.failed": QT_TRANSLATE_NOOP(
        "Refusal", "Databasen svarade med ett fel. Försök igen; händer det igen, kontakta IT."
    ),
    "store.server_slow": QT_TRANSLATE_NOOP(
        "Refusal", "Databasservern svarade inte i tid, så inget sparades. Försök igen om en stund."
    ),
    "store.server_away": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasservern går inte att nå just nu, så inget sparades. Försök igen om en stund; "
        "kvarstår felet, kontakta IT.",
    ),
    "store.not_a_store": QT_TRANSLATE_NOOP(
        "Refusal",
        "Filen {path} är inte en databas för Servicedisk: {found}. Den har inte ändrats. "
        "Välj kontorets databas, eller flytta undan filen för att börja med en ny.",
    ),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "Refusal",
        "Disken där databasen ligger är full, så inget sparades. Be IT frigöra utrymme och "
        "försök igen.",
    ),
    "store.read_only": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen {path} eller dess mapp går inte att skriva till (behörighet eller "
        "skrivskyddad disk), så inget sparades. Filen är oskadd. Kontakta IT.",
    ),
    "store.read_only_unnamed": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen databasen eller dess mapp går inte att skriva till (behörighet eller "
        "skrivskyddad disk), så inget sparades. Filen är oskadd. Kontakta IT.",
    ),
    "store.undone": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen hann inte med två ändringar samtidigt, så den här sparades inte. Försök igen.",
    ),
    "store.locked": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen är låst av ett annat program just nu, så inget sparades. Försök igen om "
        "en stund.",
    ),
    "store.cannot_open": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen {path} går inte att öppna (mappen saknas eller behörighet fattas). Kontakta IT.",
    ),
    "store.cannot_open_unnamed": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen databasen går inte att öppna (mappen saknas eller behörighet fattas). "
        "Kontakta IT.",
    ),
    "store.disk_failed": QT_TRANSLATE_NOOP(
        "Refusal", "Disken där databasen ligger kunde inte läsas eller skrivas. Kontakta IT."
    ),
    "store.damaged": QT_TRANSLATE_NOOP(
        "Refusal", "Databasen är skadad, så inget mer sparas i den. Den har inte ändrats."
    ),
    "store.found.empty": QT_TRANSLATE_NOOP("Refusal", "filen är tom (0 byte)"),
    "store.found.blank": QT_TRANSLATE_NOOP("Refusal", "en SQLite-databas utan tabeller"),
    "store.found.foreign": QT_TRANSLATE_NOOP(
        "Refusal", "ett annat programs databas (tabeller: {tables})"
    ),
    "store.found.altered": QT_TRANSLATE_NOOP(
        "Refusal", "en databas med något som Servicedisk inte själv skapar ({detail})"
    ),
    "store.found.not_sqlite": QT_TRANSLATE_NOOP("Refusal", "filen är ingen databas"),
    "store.newer": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen är skriven av en nyare version av Servicedisk (schema {revision}). "
        "Installera den versionen, eller återställ en säkerhetskopia.",
    ),
    "store.no_driver": QT_TRANSLATE_NOOP(
        "Refusal", "Drivrutinen för databasservern saknas på den här datorn. Kontakta IT."
    ),
    "store.server_foreign": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen innehåller ett annat programs tabeller och lämnas orörd. Servicedisk "
        "behöver en egen, tom databas – kontakta IT.",
    ),
    "store.folder_is_file": QT_TRANSLATE_NOOP(
        "Refusal", "{folder} är en fil, inte en mapp. Välj en mapp för kontorets data."
    ),
    "store.folder_not_made": QT_TRANSLATE_NOOP(
        "Refusal", "Mappen {folder} går inte att skapa. Kontakta IT."
    ),
    "store.server_altered": QT_TRANSLATE_NOOP(
        "Refusal",
        "Databasen på servern innehåller något som Servicedisk inte själv skapar ({detail}) "
        "och lämnas orörd. Kontakta IT.",
    ),
    "store.backup_exists": QT_TRANSLATE_NOOP(
        "Refusal", "Filen {path} finns redan. Välj ett annat namn."
    ),
    # upkeep
    "export.target": QT_TRANSLATE_NOOP(
        "Refusal",
        "{name} går inte att skriva över (det är {target}). Välj ett annat namn. Inget sparades.",
    ),
    "copy.foreign": QT_TRANSLATE_NOOP(
        "Refusal", "Databasen innehåller ett annat programs tabeller. Inget har skrivits i den."
    ),
    "copy.not_empty": QT_TRANSLATE_NOOP(
        "Refusal", "Databasen innehåller redan ett kontors uppgifter."
    ),
    "copy.exists": QT_TRANSLATE_NOOP("Refusal", "Filen {path} finns redan."),
    "copy.differs": QT_TRANSLATE_NOOP(
        "Refusal", "Kopian stämmer inte med databasen. Försök igen eller kontakta IT."
    ),
    "copy.figures_differ": QT_TRANSLATE_NOOP(
        "Refusal", "Kopians statistik stämmer inte med databasens. Försök igen eller kontakta IT."
    ),
    "backup.no_folder": QT_TRANSLATE_NOOP("Refusal", "Ingen mapp för kopior."),
    "backup.no_file": QT_TRANSLATE_NOOP("Refusal", "Filen {path} finns inte."),
    "database.url_form": QT_TRANSLATE_NOOP(
        "Refusal", "Adressen ska se ut så här: postgresql+psycopg://användare@server/databas"
    ),
    "database.url_password": QT_TRANSLATE_NOOP(
        "Refusal", "Skriv inte lösenordet i adressen. IT lägger det i datorns nyckelring."
    ),
    "database.no_connection": QT_TRANSLATE_NOOP(
        "Refusal",
        "Det gick inte att ansluta till databasservern. Kontrollera adressen och nätverket, "
        "eller kontakta IT.",
    ),
    "database.no_folder": QT_TRANSLATE_NOOP("Refusal", "Datorn saknar en mapp för data."),
    # sync
    "pull.damaged": QT_TRANSLATE_NOOP(
        "Refusal", "Bokningsfilen från centralen skadades på vägen. Försök igen."
    ),
    "pull.bad_file": QT_TRANSLATE_NOOP(
        "Refusal", "Centralens bokningsfil för {day}: {problem} Inget har lästs in."
    ),
    "pull.too_big": QT_TRANSLATE_NOOP(
        "Refusal", "Centralen skickade mer än en bokningsfil får rymma (5 MB)."
    ),
    "pull.certificate": QT_TRANSLATE_NOOP(
        "Refusal", "Centralens certifikat kunde inte kontrolleras. Kontrollera adressen för synk."
    ),
    "pull.unreachable": QT_TRANSLATE_NOOP(
        "Refusal", "Centralen gick inte att nå. Kontrollera nätverket och försök igen senare."
    ),
    "pull.no_file": QT_TRANSLATE_NOOP("Refusal", "Centralen har ingen bokningsfil för {day}."),
    "pull.token": QT_TRANSLATE_NOOP(
        "Refusal", "Centralen godtog inte nyckeln. Kontrollera nyckeln för synk."
    ),
    "pull.status": QT_TRANSLATE_NOOP(
        "Refusal", "Centralen svarade HTTP {status}. Försök igen senare."
    ),
    "sync.https": QT_TRANSLATE_NOOP(
        "Refusal", "Adressen för synk måste börja med https:// (http:// bara till den egna datorn)."
    ),
    "sync.no_folder": QT_TRANSLATE_NOOP("Refusal", "Ingen mapp för nyckeln."),
    "sync.office_code": QT_TRANSLATE_NOOP(
        "Refusal",
        "Kontorets kod får bara innehålla bokstäverna A–Z, siffror, '-', '_' och '.' (högst "
        "40 tecken).",
    ),
}
