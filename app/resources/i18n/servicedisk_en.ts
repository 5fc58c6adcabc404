<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AttemptModel</name>
    <message>
        <source>Mottagen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Redan nyare hos mottagaren</source>
        <translation>Already newer at the receiver</translation>
    </message>
    <message>
        <source>Försöker igen</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>Stoppad</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Loggen visar vem som gjorde vad och när: inloggningar, exporter, ändrade inställningar, rättelser, gallringar, säkerhetskopior. Den innehåller inga uppgifter om besökare.</source>
        <translation>The log shows who did what and when: sign-ins, exports, changed settings, corrections, purges, backups. It holds no information about visitors.</translation>
    </message>
    <message>
        <source>Vad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Vilka händelser som visas.</source>
        <translation>Which events are shown.</translation>
    </message>
    <message>
        <source>Alla händelser</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Från och med</source>
        <translation>From</translation>
    </message>
    <message>
        <source>År-månad-dag.</source>
        <translation>Year-month-day.</translation>
    </message>
    <message>
        <source>Till och med</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Vi&amp;sa</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>Visar händelserna som filtren väljer.</source>
        <translation>Shows the events the filters select.</translation>
    </message>
    <message>
        <source>&amp;Exportera CSV …</source>
        <translation>&amp;Export CSV …</translation>
    </message>
    <message>
        <source>Sparar händelserna som filtren väljer i en CSV-fil.</source>
        <translation>Saves the events the filters select to a CSV file.</translation>
    </message>
    <message>
        <source>Vad:</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>Från:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Loggen</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Händelserna, nyast först.</source>
        <translation>The events, newest first.</translation>
    </message>
    <message>
        <source>Till-datumet ligger före från-datumet.</source>
        <translation>The to date is before the from date.</translation>
    </message>
    <message>
        <source>{0} händelser</source>
        <translation>{0} events</translation>
    </message>
    <message>
        <source>Exportera loggen</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <source>Loggen kunde inte exporteras: filen gick inte att skriva.</source>
        <translation>The log could not be exported: the file could not be written.</translation>
    </message>
    <message>
        <source>{0} händelser exporterades.</source>
        <translation>{0} events exported.</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>1 timme</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>{0} timmar</source>
        <translation>{0} hours</translation>
    </message>
    <message>
        <source>{0} minuter</source>
        <translation>{0} minutes</translation>
    </message>
    <message>
        <source>Inloggning med ett användarnamn som inte finns.</source>
        <translation>Sign-in with a user name that does not exist.</translation>
    </message>
    <message>
        <source>Försök att logga in på ett avstängt konto.</source>
        <translation>Attempt to sign in to a disabled account.</translation>
    </message>
    <message>
        <source>Försök att logga in medan kontot var spärrat.</source>
        <translation>Attempt to sign in while the account was locked.</translation>
    </message>
    <message>
        <source>Fel kod (försök {0} av {1}).</source>
        <translation>Wrong PIN (attempt {0} of {1}).</translation>
    </message>
    <message>
        <source>Kontot {0} lades till som {1}.</source>
        <translation>Account {0} was added as {1}.</translation>
    </message>
    <message>
        <source>Kontot {0} stängdes av.</source>
        <translation>Account {0} was disabled.</translation>
    </message>
    <message>
        <source>Kontot {0} öppnades igen.</source>
        <translation>Account {0} was enabled again.</translation>
    </message>
    <message>
        <source>{0} blev {1}.</source>
        <translation>{0} became {1}.</translation>
    </message>
    <message>
        <source>Kontorschefen satte en ny kod för {0}.</source>
        <translation>The office manager set a new PIN for {0}.</translation>
    </message>
    <message>
        <source>{0} bytte sin kod.</source>
        <translation>{0} changed their PIN.</translation>
    </message>
    <message>
        <source>Loggen för {0} exporterades.</source>
        <translation>The log for {0} was exported.</translation>
    </message>
    <message>
        <source>Statistiken för {0} exporterades som {1}.</source>
        <translation>The statistics for {0} were exported as {1}.</translation>
    </message>
    <message>
        <source>besök {0} den {1}</source>
        <translation>visit {0} on {1}</translation>
    </message>
    <message>
        <source>{0} ärende(n) lades till i {1}.</source>
        <translation>{0} errand(s) added to {1}.</translation>
    </message>
    <message>
        <source>Ärende {0} i {1} rättades: {2}.</source>
        <translation>Errand {0} in {1} corrected: {2}.</translation>
    </message>
    <message>
        <source>Databasen byttes till en server.</source>
        <translation>The database was switched to a server.</translation>
    </message>
    <message>
        <source>Databasen byttes.</source>
        <translation>The database was switched.</translation>
    </message>
    <message>
        <source>Kontorskoden för statistiken sattes till {0}.</source>
        <translation>The office code for the statistics was set to {0}.</translation>
    </message>
    <message>
        <source>Mottagarens adress ändrades.</source>
        <translation>The receiver&apos;s address was changed.</translation>
    </message>
    <message>
        <source>{0}: ändrades från {1} till {2}.</source>
        <translation>{0}: changed from {1} to {2}.</translation>
    </message>
    <message>
        <source>Öppettiderna ändrades ({0}).</source>
        <translation>Opening hours changed ({0}).</translation>
    </message>
    <message>
        <source>Kontorets namn ändrades.</source>
        <translation>The office name was changed.</translation>
    </message>
    <message>
        <source>Inställningar: {0}</source>
        <translation>Settings: {0}</translation>
    </message>
    <message>
        <source>Besök före {0} gallrades ({1} kölappar, {2} besök, {3} ärenden).</source>
        <translation>Visits before {0} purged ({1} tickets, {2} visits, {3} errands).</translation>
    </message>
    <message>
        <source>Dagens säkerhetskopia togs ({0} gamla togs bort).</source>
        <translation>Today&apos;s backup was taken ({0} old ones removed).</translation>
    </message>
    <message>
        <source>En säkerhetskopia togs för hand.</source>
        <translation>A backup was taken by hand.</translation>
    </message>
    <message>
        <source>En säkerhetskopia återställdes; läget innan sparades först.</source>
        <translation>A backup was restored; the state before was saved first.</translation>
    </message>
    <message>
        <source>En säkerhetskopia återställdes.</source>
        <translation>A backup was restored.</translation>
    </message>
    <message>
        <source>Katalogen lästes in ({0} nya, {1} ändrade, {2} avvecklade).</source>
        <translation>The catalogue was imported ({0} new, {1} changed, {2} retired).</translation>
    </message>
    <message>
        <source>Katalogen: {0}</source>
        <translation>Catalogue: {0}</translation>
    </message>
    <message>
        <source>Loggade in.</source>
        <translation>Signed in.</translation>
    </message>
    <message>
        <source>Kontot spärrades i {0} efter {1} felaktiga koder.</source>
        <translation>The account was locked for {0} after {1} wrong PINs.</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Daglig</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Tagen för hand</source>
        <translation>Taken by hand</translation>
    </message>
    <message>
        <source>Före en återställning</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Tagen</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Före en uppgradering</source>
        <translation>Before an upgrade</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Ja, återställ</source>
        <translation>Yes, restore</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Välj en kopia med piltangenterna.</source>
        <translation>Choose a backup with the arrow keys.</translation>
    </message>
    <message>
        <source>Servicedisk tar en säkerhetskopia av databasen varje dag och sparar dem så många dagar som du har valt under Kontoret. Den senaste hela kopian sparas alltid. En återställning sparar först en kopia av läget just nu.</source>
        <translation>Servicedisk backs up the database every day and keeps the backups for as many days as you chose under Office. The latest complete backup is always kept. A restore first saves a backup of the current state.</translation>
    </message>
    <message>
        <source>Ta en säkerhetskopia &amp;nu</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <source>Kopierar databasen som den är just nu.</source>
        <translation>Copies the database as it is right now.</translation>
    </message>
    <message>
        <source>Åter&amp;ställ vald …</source>
        <translation>R&amp;estore selected …</translation>
    </message>
    <message>
        <source>Byter databasen mot den valda kopian, efter en fråga.</source>
        <translation>Replaces the database with the selected backup, after asking.</translation>
    </message>
    <message>
        <source>Kopiorna ligger i {0}.</source>
        <translation>The backups are in {0}.</translation>
    </message>
    <message>
        <source>Kopiorna av databasservern sparas som egna filer på den här datorn, i {0}.</source>
        <translation>Backups of the database server are kept as separate files on this computer, in {0}.</translation>
    </message>
    <message>
        <source>Tar en säkerhetskopia …</source>
        <translation>Taking a backup …</translation>
    </message>
    <message>
        <source>Säkerhetskopian är tagen.</source>
        <translation>The backup has been taken.</translation>
    </message>
    <message>
        <source>Vill du återställa säkerhetskopian från {0}?

Allt som registrerats efter {0} försvinner ur databasen, på alla datorer på kontoret. Läget just nu sparas först som en egen kopia, och kölapparnas nummer fortsätter där de är, så inget nummer delas ut två gånger.</source>
        <translation>Restore the backup from {0}?

Everything recorded after {0} will disappear from the database, on every computer in the office. The current state is saved first as a backup of its own, and ticket numbers continue where they are, so no number is issued twice.</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopia</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Återställer säkerhetskopian från {0} …</source>
        <translation>Restoring the backup from {0} …</translation>
    </message>
    <message>
        <source>Säkerhetskopian från {0} är återställd och den skadade filen är flyttad undan. Starta om Servicedisk på alla datorer på kontoret.</source>
        <translation>The backup from {0} has been restored and the damaged file moved aside. Restart Servicedisk on every computer in the office.</translation>
    </message>
    <message>
        <source>Säkerhetskopian från {0} är återställd. Läget före finns sparat som en egen kopia i listan.</source>
        <translation>The backup from {0} has been restored. The state before is saved as a backup of its own in the list.</translation>
    </message>
</context>
<context>
    <name>BookingsImport</name>
    <message>
        <source>Läs i&amp;n bokningar …</source>
        <translation>&amp;Import bookings …</translation>
    </message>
    <message>
        <source>Dagens fil från bokningssystemet, som CSV eller iCalendar (.ics).</source>
        <translation>Today&apos;s file from the booking system, as CSV or iCalendar (.ics).</translation>
    </message>
    <message>
        <source>Läs in bokningar</source>
        <translation>Import bookings</translation>
    </message>
    <message>
        <source>Läser in {0} …</source>
        <translation>Importing {0} …</translation>
    </message>
    <message>
        <source>Filen gick inte att läsa (finns den, och får du läsa den?). Inget har lästs in.</source>
        <translation>The file could not be read (does it exist, and may you read it?). Nothing was imported.</translation>
    </message>
    <message>
        <source>Bokningarna lästes inte in. {0}</source>
        <translation>The bookings were not imported. {0}</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>Dagens bokningar</source>
        <translation>Today&apos;s bookings</translation>
    </message>
    <message>
        <source>Läs in filen från bokningssystemet varje morgon (CSV eller iCalendar). Samma fil två gånger ändrar inget; en ändrad eller avbokad tid uppdateras. En fil med fel läses inte in alls, och felet anges med radnummer. Receptionen kan också läsa in filen, under Dagens bokningar.</source>
        <translation>Import the file from the booking system every morning (CSV or iCalendar). Importing the same file twice changes nothing; a changed or cancelled time is updated. A file with errors is not imported at all, and the error is given with its line number. Reception can also import the file, under Today&apos;s bookings.</translation>
    </message>
    <message>
        <source>Bokade besök</source>
        <translation>Booked visits</translation>
    </message>
    <message>
        <source>Marginal för bokade besök i minuter</source>
        <translation>Margin for booked visits in minutes</translation>
    </message>
    <message>
        <source>Hur tidigt en incheckad går före, och hur sent hen får komma.</source>
        <translation>How early a checked-in visitor goes ahead, and how late they may come.</translation>
    </message>
    <message>
        <source>Bokade besök ropas &amp;upp inom</source>
        <translation>&amp;Booked visits are called within</translation>
    </message>
    <message>
        <source>minuter från den bokade tiden</source>
        <translation>minutes of the booked time</translation>
    </message>
    <message>
        <source>En incheckad besökare går före i kön från så många minuter före den bokade tiden. Den som kommer mer än så många minuter efter får en vanlig kölapp i stället.</source>
        <translation>A checked-in visitor goes ahead in the queue from this many minutes before the booked time. Anyone arriving more than this many minutes late gets an ordinary ticket instead.</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>Sav&amp;e</translation>
    </message>
    <message>
        <source>Sparar marginalen.</source>
        <translation>Saves the margin.</translation>
    </message>
    <message>
        <source>Inget att spara: inget är ändrat.</source>
        <translation>Nothing to save: nothing has changed.</translation>
    </message>
    <message>
        <source>Bokade besök ropas nu upp inom {0} minuter.</source>
        <translation>Booked visits are now called within {0} minutes.</translation>
    </message>
</context>
<context>
    <name>CatalogFileBox</name>
    <message>
        <source>Katalogfil</source>
        <translation>Catalogue file</translation>
    </message>
    <message>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Sparar hela katalogen som en JSON-fil.</source>
        <translation>Saves the whole catalogue as a JSON file.</translation>
    </message>
    <message>
        <source>Imp&amp;ortera…</source>
        <translation>I&amp;mport…</translation>
    </message>
    <message>
        <source>Läser in en katalogfil; allt eller inget ändras.</source>
        <translation>Imports a catalogue file; everything or nothing changes.</translation>
    </message>
    <message>
        <source>Flytta katalogen mellan kontor som en JSON-fil. En import ändrar allt eller inget; poster som saknas i filen tas ur bruk.</source>
        <translation>Move the catalogue between offices as a JSON file. An import changes everything or nothing; entries missing from the file are retired.</translation>
    </message>
    <message>
        <source>Exportera katalogen</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <source>Exporterar katalogen …</source>
        <translation>Exporting the catalogue …</translation>
    </message>
    <message>
        <source>Katalogen kunde inte sparas där (ingen behörighet, disken full eller mappen saknas). Välj en annan mapp eller ett annat namn.</source>
        <translation>The catalogue could not be saved there (no permission, disk full or folder missing). Choose another folder or name.</translation>
    </message>
    <message>
        <source>Katalogen är exporterad till {0}.</source>
        <translation>The catalogue has been exported to {0}.</translation>
    </message>
    <message>
        <source>Importera katalog</source>
        <translation>Import catalogue</translation>
    </message>
    <message>
        <source>Importerar katalogen …</source>
        <translation>Importing the catalogue …</translation>
    </message>
    <message>
        <source>ett oväntat fel. Inget är ändrat. Se loggfilen och försök igen.</source>
        <translation>an unexpected error. Nothing has changed. See the log file and try again.</translation>
    </message>
    <message>
        <source>Katalogen är importerad. Inget ändrades: filen stämmer med katalogen.</source>
        <translation>The catalogue has been imported. Nothing changed: the file matches the catalogue.</translation>
    </message>
    <message>
        <source>Katalogen är importerad: {0} nya, {1} ändrade, {2} tagna ur bruk.</source>
        <translation>The catalogue has been imported: {0} new, {1} changed, {2} retired.</translation>
    </message>
    <message>
        <source>Katalogen importerades inte: {0}</source>
        <translation>The catalogue was not imported: {0}</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Myndigheter och ärendetyper</source>
        <translation>Agencies and errand types</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Hänvisningar</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>myndighet</source>
        <translation>agency</translation>
    </message>
    <message>
        <source>ärendetyp</source>
        <translation>errand type</translation>
    </message>
    <message>
        <source>utfall</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>hänvisning</source>
        <translation>referral</translation>
    </message>
    <message>
        <source>språk</source>
        <translation>language</translation>
    </message>
    <message>
        <source>tolkval</source>
        <translation>interpreter option</translation>
    </message>
    <message>
        <source>Katalogen</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Välj en post med piltangenterna; Enter byter namn på den.</source>
        <translation>Choose an entry with the arrow keys; Enter renames it.</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vald post</source>
        <translation>Selected entry</translation>
    </message>
    <message>
        <source>&amp;Byt namn…</source>
        <translation>Ren&amp;ame…</translation>
    </message>
    <message>
        <source>Ändrar postens namn.</source>
        <translation>Changes the entry&apos;s name.</translation>
    </message>
    <message>
        <source>Ta &amp;ur bruk</source>
        <translation>Ret&amp;ire</translation>
    </message>
    <message>
        <source>Posten går inte längre att välja; statistiken finns kvar.</source>
        <translation>The entry can no longer be chosen; the statistics are kept.</translation>
    </message>
    <message>
        <source>Åter&amp;ställ</source>
        <translation>Rest&amp;ore</translation>
    </message>
    <message>
        <source>Tar posten i bruk igen.</source>
        <translation>Brings the entry back into use.</translation>
    </message>
    <message>
        <source>&amp;Ny post…</source>
        <translation>&amp;New entry…</translation>
    </message>
    <message>
        <source>En ny post av samma slag som den valda.</source>
        <translation>A new entry of the same kind as the selected one.</translation>
    </message>
    <message>
        <source>I bruk</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Ur bruk</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>{0} för {1}</source>
        <translation>{0} for {1}</translation>
    </message>
    <message>
        <source>&amp;Ny {0}…</source>
        <translation>&amp;New {0}…</translation>
    </message>
    <message>
        <source>Ny {0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <source>Välj en post i listan.</source>
        <translation>Choose an entry in the list.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Kod: {0}</source>
        <translation>Code: {0}</translation>
    </message>
    <message>
        <source>Engelska: {0}</source>
        <translation>English: {0}</translation>
    </message>
    <message>
        <source>Ur bruk: visas inte för nya ärenden</source>
        <translation>Retired: not shown for new errands</translation>
    </message>
    <message>
        <source>Byt namn på {0}</source>
        <translation>Rename {0}</translation>
    </message>
    <message>
        <source>Namnet är ändrat till ”{0}”.</source>
        <translation>The name has been changed to “{0}”.</translation>
    </message>
    <message>
        <source>”{0}” är tillagd.</source>
        <translation>“{0}” has been added.</translation>
    </message>
    <message>
        <source>”{0}” är i bruk igen.</source>
        <translation>“{0}” is in use again.</translation>
    </message>
    <message>
        <source>”{0}” är tagen ur bruk och visas inte för nya ärenden.</source>
        <translation>“{0}” has been retired and is not shown for new errands.</translation>
    </message>
</context>
<context>
    <name>ChartPage</name>
    <message>
        <source>{0}, diagram</source>
        <translation>{0}, chart</translation>
    </message>
    <message>
        <source>Samma siffror står i tabellen under.</source>
        <translation>The same figures are in the table below.</translation>
    </message>
    <message>
        <source>{0}, tabell</source>
        <translation>{0}, table</translation>
    </message>
    <message>
        <source>Piltangenterna flyttar mellan cellerna.</source>
        <translation>The arrow keys move between the cells.</translation>
    </message>
</context>
<context>
    <name>CheckInBox</name>
    <message>
        <source>&amp;Bokad tid:</source>
        <translation>&amp;Booked time:</translation>
    </message>
    <message>
        <source>Bokningsnummer – skanna eller skriv</source>
        <translation>Booking number – scan or type</translation>
    </message>
    <message>
        <source>Bokningsnummer</source>
        <translation>Booking number</translation>
    </message>
    <message>
        <source>Skanna bokningsbekräftelsen, eller skriv numret och tryck Enter.</source>
        <translation>Scan the booking confirmation, or type the number and press Enter.</translation>
    </message>
    <message>
        <source>Checka in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Checka in den bokade besökaren</source>
        <translation>Check in the booked visitor</translation>
    </message>
    <message>
        <source>Dagens bokningar …</source>
        <translation>Today&apos;s bookings …</translation>
    </message>
    <message>
        <source>Visa dagens bokningar</source>
        <translation>Show today&apos;s bookings</translation>
    </message>
    <message>
        <source>Ge vanlig kölapp</source>
        <translation>Give ordinary ticket</translation>
    </message>
    <message>
        <source>Skriv eller skanna bokningsnumret först.</source>
        <translation>Type or scan the booking number first.</translation>
    </message>
    <message>
        <source>Incheckningen kunde inte göras: databasen svarade inte. Försök igen; kvarstår felet, ge besökaren en vanlig kölapp.</source>
        <translation>Check-in failed: the database did not respond. Try again; if the error persists, give the visitor an ordinary ticket.</translation>
    </message>
    <message>
        <source>Incheckad: {0}, bokad tid {1}.</source>
        <translation>Checked in: {0}, booked time {1}.</translation>
    </message>
    <message>
        <source>Ropas upp omkring {0}.</source>
        <translation>Called at about {0}.</translation>
    </message>
    <message>
        <source>Välj kö med knapparna ovan.</source>
        <translation>Choose a queue with the buttons above.</translation>
    </message>
    <message>
        <source>Ge vanlig kölapp (kö {0})</source>
        <translation>Give ordinary ticket (queue {0})</translation>
    </message>
    <message>
        <source>Ge besökaren en vanlig kölapp i kö {0}</source>
        <translation>Give the visitor an ordinary ticket in queue {0}</translation>
    </message>
    <message>
        <source>Bokad tid {0}</source>
        <translation>Booked time {0}</translation>
    </message>
    <message>
        <source>Bokad tid / förtur</source>
        <translation>Booked time / priority</translation>
    </message>
    <message>
        <source>Kölappen kunde inte utfärdas: databasen svarade inte. Försök igen.</source>
        <translation>The ticket could not be issued: the database did not respond. Try again.</translation>
    </message>
    <message>
        <source>Vanlig kölapp {0} i stället för den bokade tiden.</source>
        <translation>Ordinary ticket {0} instead of the booked time.</translation>
    </message>
</context>
<context>
    <name>ChoiceModel</name>
    <message>
        <source>Benämning</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Engelska</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>CurrentCard</name>
    <message>
        <source>Aktuell kölapp</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <source>Besökarens språk</source>
        <translation>Visitor&apos;s language</translation>
    </message>
    <message>
        <source>Tid sedan uppropet</source>
        <translation>Time since call</translation>
    </message>
    <message>
        <source>Tid hos dig</source>
        <translation>Time with you</translation>
    </message>
    <message>
        <source>Ingen besökare just nu</source>
        <translation>No visitor right now</translation>
    </message>
    <message>
        <source>Tryck Ropa nästa (F5) när du är redo.</source>
        <translation>Press Call next (F5) when you are ready.</translation>
    </message>
    <message>
        <source>Betjänas nu</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>Uppropad till {0}</source>
        <translation>Called to {0}</translation>
    </message>
    <message>
        <source>Kö {0}</source>
        <translation>Queue {0}</translation>
    </message>
    <message>
        <source>flyttad från kö {0}</source>
        <translation>moved from queue {0}</translation>
    </message>
    <message>
        <source>bokad tid {0}</source>
        <translation>booked time {0}</translation>
    </message>
    <message>
        <source>bokad tid, ropas från {0}</source>
        <translation>booked time, called from {0}</translation>
    </message>
    <message>
        <source>förtur</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>ropad igen {0} gång(er)</source>
        <translation>called again {0} time(s)</translation>
    </message>
    <message>
        <source>Väntade {0}</source>
        <translation>Waited {0}</translation>
    </message>
    <message>
        <source>Sedan uppropet</source>
        <translation>Since the call</translation>
    </message>
    <message>
        <source>Uppropad {0}</source>
        <translation>Called {0}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Ett kontor med flera datorer har sina uppgifter på kontorets databasserver. Skriv serverns adress, testa anslutningen och välj den för den här datorn. Lösenordet skrivs aldrig här: IT lägger det i datorns nyckelring.</source>
        <translation>An office with several computers keeps its data on the office&apos;s database server. Enter the server&apos;s address, test the connection and choose it for this computer. The password is never entered here: IT puts it in the computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>Databasserver</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>Databasserverns adress</source>
        <translation>Database server address</translation>
    </message>
    <message>
        <source>Adressen som IT har gett, utan lösenord.</source>
        <translation>The address IT gave you, without the password.</translation>
    </message>
    <message>
        <source>postgresql+psycopg://användare@server/databas</source>
        <translation>postgresql+psycopg://user@server/database</translation>
    </message>
    <message>
        <source>&amp;Adress:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Testa a&amp;nslutningen</source>
        <translation>Test the co&amp;nnection</translation>
    </message>
    <message>
        <source>Provar adressen utan att ändra något.</source>
        <translation>Tries the address without changing anything.</translation>
    </message>
    <message>
        <source>Använd på den &amp;här datorn</source>
        <translation>Use on t&amp;his computer</translation>
    </message>
    <message>
        <source>Den här datorn arbetar i databasservern från nästa start.</source>
        <translation>This computer works in the database server from the next start.</translation>
    </message>
    <message>
        <source>Använd datorns &amp;egen fil</source>
        <translation>Use the computer&apos;s &amp;own file</translation>
    </message>
    <message>
        <source>Den här datorn arbetar i sin egen fil från nästa start.</source>
        <translation>This computer works in its own file from the next start.</translation>
    </message>
    <message>
        <source>Den här datorn arbetar i sin egen fil: {0}</source>
        <translation>This computer works in its own file: {0}</translation>
    </message>
    <message>
        <source>Den här datorn arbetar på databasservern {0}.</source>
        <translation>This computer works on the database server {0}.</translation>
    </message>
    <message>
        <source>Ansluter …</source>
        <translation>Connecting …</translation>
    </message>
    <message>
        <source>Anslutningen fungerar. Där finns {0}.</source>
        <translation>The connection works. It holds {0}.</translation>
    </message>
    <message>
        <source>Anslutningen fungerar. Databasen är tom: IT gör den klar med ”servicedisk db init”, eller flyttar hit kontorets uppgifter med ”servicedisk db copy”.</source>
        <translation>The connection works. The database is empty: IT prepares it with “servicedisk db init”, or moves the office&apos;s data here with “servicedisk db copy”.</translation>
    </message>
    <message>
        <source>Databasen innehåller ett annat programs tabeller och kan inte användas.</source>
        <translation>The database contains another program&apos;s tables and cannot be used.</translation>
    </message>
    <message>
        <source>Det gick inte att ansluta till databasservern.</source>
        <translation>Could not connect to the database server.</translation>
    </message>
    <message>
        <source>Den här datorn använder databasservern från nästa start. Starta om programmet.</source>
        <translation>This computer uses the database server from the next start. Restart the program.</translation>
    </message>
    <message>
        <source>Den här datorn använder sin egen fil från nästa start. Starta om programmet.</source>
        <translation>This computer uses its own file from the next start. Restart the program.</translation>
    </message>
    <message>
        <source>Valet kunde inte sparas. Inget är ändrat.</source>
        <translation>The choice could not be saved. Nothing has changed.</translation>
    </message>
</context>
<context>
    <name>DayListDialog</name>
    <message>
        <source>Dagens bokningar</source>
        <translation>Today&apos;s bookings</translation>
    </message>
    <message>
        <source>Dagens bokade tider, med vilka som har checkat in.</source>
        <translation>Today's booked times, showing who has checked in.</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stänger listan.</source>
        <translation>Closes the list.</translation>
    </message>
    <message>
        <source>Dagens bokningar kunde inte läsas: databasen svarade inte. Försök igen.</source>
        <translation>Today&apos;s bookings could not be read: the database did not respond. Try again.</translation>
    </message>
</context>
<context>
    <name>DayListModel</name>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Längd</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Ärende</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>inget</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namnet på skärmarna.</source>
        <translation>The name shown on the screens.</translation>
    </message>
    <message>
        <source>Engelskt namn</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Namnet för den som har valt engelska.</source>
        <translation>The name for those who have chosen English.</translation>
    </message>
    <message>
        <source>&amp;Kod:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Koden är fast och syns i statistiken: A–Z, siffror, - _ .</source>
        <translation>The code is fixed and appears in the statistics: A–Z, digits, - _ .</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Engelskt namn:</source>
        <translation>&amp;English name:</translation>
    </message>
</context>
<context>
    <name>ErrandForm</name>
    <message>
        <source>Ärenden</source>
        <translation>Errands</translation>
    </message>
    <message>
        <source>Ctrl+Enter sparar · Esc avbryter · Tab flyttar till nästa fält</source>
        <translation>Ctrl+Enter saves · Esc cancels · Tab moves to the next field</translation>
    </message>
    <message>
        <source>Kontaktväg</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <source>Besök vid disk</source>
        <translation>Visit at the desk</translation>
    </message>
    <message>
        <source>Kontaktväg: besök vid disk</source>
        <translation>Contact channel: visit at the desk</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kontaktväg: telefon</source>
        <translation>Contact channel: phone</translation>
    </message>
    <message>
        <source>Besökets längd i minuter, om du vet den</source>
        <translation>Length of the visit in minutes, if you know it</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>vet ej</source>
        <translation>don&apos;t know</translation>
    </message>
    <message>
        <source>Ti&amp;d:</source>
        <translation>Ti&amp;me:</translation>
    </message>
    <message>
        <source>Lägg till &amp;ärende</source>
        <translation>Add &amp;errand</translation>
    </message>
    <message>
        <source>Lägg till ärende</source>
        <translation>Add errand</translation>
    </message>
    <message>
        <source>Spara och avsluta (Ctrl+Enter)</source>
        <translation>Save and finish (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Spara ärendena</source>
        <translation>Save the errands</translation>
    </message>
    <message>
        <source>Avbryt (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Avbryt utan att spara</source>
        <translation>Cancel without saving</translation>
    </message>
    <message>
        <source>Flytta utan att registrera</source>
        <translation>Transfer without recording</translation>
    </message>
    <message>
        <source>Besökaren var här vid disken.</source>
        <translation>The visitor was here at the desk.</translation>
    </message>
    <message>
        <source>Ärendet sköttes i telefon.</source>
        <translation>The errand was handled by phone.</translation>
    </message>
    <message>
        <source>Hur länge besöket tog; lämna vet ej om du inte vet.</source>
        <translation>How long the visit took; leave &quot;don&apos;t know&quot; if you do not know.</translation>
    </message>
    <message>
        <source>En rad till för nästa ärende under samma besök.</source>
        <translation>One more row for the next errand of the same visit.</translation>
    </message>
    <message>
        <source>Stänger formuläret utan att spara något (Esc).</source>
        <translation>Closes the form without saving anything (Esc).</translation>
    </message>
    <message>
        <source>Flyttar besökaren utan att registrera några ärenden.</source>
        <translation>Transfers the visitor without recording any errands.</translation>
    </message>
    <message>
        <source>Sparar ärendena (Ctrl+Enter).</source>
        <translation>Saves the errands (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Flytta {0} till kö {1} – registrera det som gjorts hittills</source>
        <translation>Transfer {0} to queue {1} – record what has been done so far</translation>
    </message>
    <message>
        <source>Spara och flytta (Ctrl+Enter)</source>
        <translation>Save and transfer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Spara rättelsen (Ctrl+Enter)</source>
        <translation>Save the correction (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Avsluta {0} – registrera ärenden</source>
        <translation>Finish {0} – record errands</translation>
    </message>
    <message>
        <source>Ärende utan kölapp</source>
        <translation>Errand without a ticket</translation>
    </message>
    <message>
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Rättelsen är sparad.</source>
        <translation>The correction has been saved.</translation>
    </message>
    <message>
        <source>{0} är flyttad till kö {1} – {2}.</source>
        <translation>{0} has been transferred to queue {1} – {2}.</translation>
    </message>
    <message>
        <source>{0} avslutad – {1}</source>
        <translation>{0} finished – {1}</translation>
    </message>
    <message>
        <source>Telefonsamtal</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>{0} registrerat – {1}</source>
        <translation>{0} recorded – {1}</translation>
    </message>
</context>
<context>
    <name>ErrandRow</name>
    <message>
        <source>1 ärende sparat</source>
        <translation>1 errand saved</translation>
    </message>
    <message>
        <source>{0} ärenden sparade</source>
        <translation>{0} errands saved</translation>
    </message>
    <message>
        <source>Välj myndighet …</source>
        <translation>Choose agency …</translation>
    </message>
    <message>
        <source>Välj utfall …</source>
        <translation>Choose outcome …</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Ärendetyp</source>
        <translation>Errand type</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Hänvisad till</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Ärende {0}</source>
        <translation>Errand {0}</translation>
    </message>
    <message>
        <source>myndighet</source>
        <translation>agency</translation>
    </message>
    <message>
        <source>ärendetyp, skriv för att söka</source>
        <translation>errand type, type to search</translation>
    </message>
    <message>
        <source>utfall</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>hänvisad till</source>
        <translation>referred to</translation>
    </message>
    <message>
        <source>språk</source>
        <translation>language</translation>
    </message>
    <message>
        <source>tolk</source>
        <translation>interpreter</translation>
    </message>
    <message>
        <source>ta bort ärendet</source>
        <translation>remove the errand</translation>
    </message>
    <message>
        <source>Ärende {0}: {1}</source>
        <translation>Errand {0}: {1}</translation>
    </message>
    <message>
        <source>Myndigheten som ärendet gällde.</source>
        <translation>The agency the errand concerned.</translation>
    </message>
    <message>
        <source>Skriv en del av namnet; listan visar det som passar.</source>
        <translation>Type part of the name; the list shows what matches.</translation>
    </message>
    <message>
        <source>Hur ärendet slutade.</source>
        <translation>How the errand ended.</translation>
    </message>
    <message>
        <source>Vart besökaren hänvisades, när utfallet är en hänvisning.</source>
        <translation>Where the visitor was referred, when the outcome is a referral.</translation>
    </message>
    <message>
        <source>Språket som ärendet sköttes på.</source>
        <translation>The language the errand was handled in.</translation>
    </message>
    <message>
        <source>Om tolk var med, och i så fall hur.</source>
        <translation>Whether an interpreter took part, and if so how.</translation>
    </message>
    <message>
        <source>Tar bort raden; inget sparas förrän du sparar.</source>
        <translation>Removes the row; nothing is saved until you save.</translation>
    </message>
    <message>
        <source>Ärende {0}: välj myndighet.</source>
        <translation>Errand {0}: choose an agency.</translation>
    </message>
    <message>
        <source>Ärende {0}: ärendetypen ”{1}” finns inte hos {2}. Välj en i listan.</source>
        <translation>Errand {0}: the errand type “{1}” does not exist at {2}. Choose one from the list.</translation>
    </message>
    <message>
        <source>Ärende {0}: välj ärendetyp.</source>
        <translation>Errand {0}: choose an errand type.</translation>
    </message>
    <message>
        <source>Ärende {0}: välj utfall.</source>
        <translation>Errand {0}: choose an outcome.</translation>
    </message>
    <message>
        <source>Ärende {0}: välj vart besökaren hänvisades.</source>
        <translation>Errand {0}: choose where the visitor was referred.</translation>
    </message>
    <message>
        <source>Välj myndighet först</source>
        <translation>Choose an agency first</translation>
    </message>
    <message>
        <source>Inga ärendetyper</source>
        <translation>No errand types</translation>
    </message>
    <message>
        <source>Skriv för att söka …</source>
        <translation>Type to search …</translation>
    </message>
    <message>
        <source>Välj mottagare …</source>
        <translation>Choose recipient …</translation>
    </message>
    <message>
        <source>Behövs inte</source>
        <translation>Not needed</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>Timme</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Besökare</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Ankomster</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <source>Ankomster per dag</source>
        <translation>Arrivals per day</translation>
    </message>
    <message>
        <source>Bemannade luckor</source>
        <translation>Staffed counters</translation>
    </message>
    <message>
        <source>Väntetid, median</source>
        <translation>Waiting time, median</translation>
    </message>
    <message>
        <source>Längsta kö</source>
        <translation>Longest queue</translation>
    </message>
    <message>
        <source>Väntetid</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Ärenden</source>
        <translation>Errands</translation>
    </message>
    <message>
        <source>Utfall eller hänvisning</source>
        <translation>Outcome or referral</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Betjänade</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Bokningar</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Betjänade med bokning</source>
        <translation>Served with booking</translation>
    </message>
    <message>
        <source>Betjänade utan bokning</source>
        <translation>Served without booking</translation>
    </message>
    <message>
        <source>Uteblivna bokningar</source>
        <translation>Missed bookings</translation>
    </message>
    <message>
        <source>Uteblivna, %</source>
        <translation>Missed, %</translation>
    </message>
    <message>
        <source>Avbokade</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Bokad tid till upprop, median</source>
        <translation>Booked time to call, median</translation>
    </message>
    <message>
        <source>Bokad tid till upprop, 90 %</source>
        <translation>Booked time to call, 90%</translation>
    </message>
    <message>
        <source>Väntetid utan bokning under bokade</source>
        <translation>Walk-in wait during booked visits</translation>
    </message>
    <message>
        <source>Väntetid utan bokning övrig tid</source>
        <translation>Walk-in wait at other times</translation>
    </message>
    <message>
        <source>Medarbetare</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Betjäningstid, median</source>
        <translation>Service time, median</translation>
    </message>
    <message>
        <source>Betjäningstid, 90 %</source>
        <translation>Service time, 90%</translation>
    </message>
    <message>
        <source>Väntade
ankomster</source>
        <translation>Expected
arrivals</translation>
    </message>
    <message>
        <source>Luckor
som behövs</source>
        <translation>Counters
needed</translation>
    </message>
    <message>
        <source>Bemannade
luckor</source>
        <translation>Staffed
counters</translation>
    </message>
    <message>
        <source>Bemannade samma
veckodag senast</source>
        <translation>Staffed same
weekday last time</translation>
    </message>
    <message>
        <source>Flest luckor
som behövs</source>
        <translation>Most counters
needed</translation>
    </message>
    <message>
        <source>Behövd tid
(timmar)</source>
        <translation>Time needed
(hours)</translation>
    </message>
    <message>
        <source>Bemannad tid
(timmar)</source>
        <translation>Staffed time
(hours)</translation>
    </message>
    <message>
        <source>Samma veckodag
senast (timmar)</source>
        <translation>Same weekday
last time (hours)</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <source>Välkommen till Servicedisk</source>
        <translation>Welcome to Servicedisk</translation>
    </message>
    <message>
        <source>Ge kontoret ett namn och skapa den första kontorschefen. Kontorschefen lägger sedan upp personalens konton under Inställningar › Personal.</source>
        <translation>Give the office a name and create the first office manager. The office manager then sets up the staff accounts under Settings › Staff.</translation>
    </message>
    <message>
        <source>t.ex. Servicekontoret Lund</source>
        <translation>e.g. Servicekontoret Lund</translation>
    </message>
    <message>
        <source>t.ex. Lunds kommun</source>
        <translation>e.g. Lunds kommun</translation>
    </message>
    <message>
        <source>t.ex. Region Skåne</source>
        <translation>e.g. Region Skåne</translation>
    </message>
    <message>
        <source>t.ex. anna.l</source>
        <translation>e.g. anna.l</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Upprepa koden</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <source>Kontorets namn</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Regionen</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Ditt namn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Kod (minst 6 tecken)</source>
        <translation>PIN (at least 6 characters)</translation>
    </message>
    <message>
        <source>Skapa kontorschefen och logga in</source>
        <translation>Create the office manager and sign in</translation>
    </message>
    <message>
        <source>Som besökarna känner kontoret; syns på kölappen.</source>
        <translation>As visitors know the office; shown on the ticket.</translation>
    </message>
    <message>
        <source>Kommunen som kontoret samarbetar med.</source>
        <translation>The municipality the office works with.</translation>
    </message>
    <message>
        <source>Regionen som kontoret samarbetar med.</source>
        <translation>The region the office works with.</translation>
    </message>
    <message>
        <source>Ditt för- och efternamn.</source>
        <translation>Your first name and surname.</translation>
    </message>
    <message>
        <source>Det du loggar in med.</source>
        <translation>What you sign in with.</translation>
    </message>
    <message>
        <source>Minst 6 tecken; gärna några ord.</source>
        <translation>At least 6 characters; a few words are good.</translation>
    </message>
    <message>
        <source>Samma kod en gång till. Enter skapar kontorschefen.</source>
        <translation>The same PIN once more. Enter creates the office manager.</translation>
    </message>
    <message>
        <source>Skapar kontorschefen, namnger kontoret och loggar in dig.</source>
        <translation>Creates the office manager, names the office and signs you in.</translation>
    </message>
    <message>
        <source>Fyll i kontorets namn, kommunen och regionen.</source>
        <translation>Fill in the office name, the municipality and the region.</translation>
    </message>
    <message>
        <source>Kontorschefen kunde inte skapas.</source>
        <translation>The office manager could not be created.</translation>
    </message>
</context>
<context>
    <name>HandOverBar</name>
    <message>
        <source>Ta över</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>Lägg tillbaka i kön</source>
        <translation>Put back in the queue</translation>
    </message>
    <message>
        <source>en kollega</source>
        <translation>a colleague</translation>
    </message>
    <message>
        <source>{0} ropades upp av {1}. Ta över besökaren, eller lägg tillbaka i kön?</source>
        <translation>{0} was called by {1}. Take over the visitor, or put them back in the queue?</translation>
    </message>
</context>
<context>
    <name>HelpAlerts</name>
    <message>
        <source>Jag går dit</source>
        <translation>I&apos;m on my way</translation>
    </message>
    <message>
        <source>Jag går till besökaren med {0}</source>
        <translation>I&apos;m going to the visitor with {0}</translation>
    </message>
    <message>
        <source>Visar de andra i receptionen att du går dit.</source>
        <translation>Shows the others at reception that you are going.</translation>
    </message>
    <message>
        <source>Besökare vid kiosken behöver hjälp</source>
        <translation>Visitor at the kiosk needs help</translation>
    </message>
    <message>
        <source>: {0}</source>
        <translation>: {0}</translation>
    </message>
    <message>
        <source> ({0})</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>, sedan {0}</source>
        <translation>, since {0}</translation>
    </message>
</context>
<context>
    <name>IssueButton</name>
    <message>
        <source>Ger en kölapp i kö {0} och skriver ut den.</source>
        <translation>Gives a ticket in queue {0} and prints it.</translation>
    </message>
    <message>
        <source>Ingen väntar</source>
        <translation>No one waiting</translation>
    </message>
    <message>
        <source>{0} väntar · ca {1} min</source>
        <translation>{0} waiting · about {1} min</translation>
    </message>
    <message>
        <source>Ny kölapp {0}, {1}. {2}. {3}</source>
        <translation>New ticket {0}, {1}. {2}. {3}</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <source>Språk på kiosken</source>
        <translation>Kiosk languages</translation>
    </message>
    <message>
        <source>Besökaren väljer språk på kioskens första sida. Svenska och engelska finns alltid med. Kryssa i de språk som kontorets besökare behöver.</source>
        <translation>The visitor chooses a language on the kiosk&apos;s first page. Swedish and English are always included. Tick the languages the office&apos;s visitors need.</translation>
    </message>
    <message>
        <source>Kölappar och skärm</source>
        <translation>Tickets and screen</translation>
    </message>
    <message>
        <source>Minuter före stängning</source>
        <translation>Minutes before closing</translation>
    </message>
    <message>
        <source>Kiosken slutar dela ut kölappar så långt före stängning.</source>
        <translation>The kiosk stops issuing tickets this long before closing.</translation>
    </message>
    <message>
        <source>Sekunder utan tryck</source>
        <translation>Seconds without a touch</translation>
    </message>
    <message>
        <source>Kiosken går tillbaka till första sidan när ingen tryckt på så länge.</source>
        <translation>The kiosk returns to its first page when nobody has touched it for this long.</translation>
    </message>
    <message>
        <source>Högst antal väntande samtidigt, 0 är ingen gräns</source>
        <translation>Most waiting at the same time, 0 is no limit</translation>
    </message>
    <message>
        <source>Kiosken slutar dela ut kölappar när så många väntar.</source>
        <translation>The kiosk stops issuing tickets when this many are waiting.</translation>
    </message>
    <message>
        <source>Sluta dela &amp;ut kölappar</source>
        <translation>Stop &amp;issuing tickets</translation>
    </message>
    <message>
        <source>minuter före stängning</source>
        <translation>minutes before closing</translation>
    </message>
    <message>
        <source>Börja &amp;om efter</source>
        <translation>Start &amp;over after</translation>
    </message>
    <message>
        <source>sekunder utan tryck</source>
        <translation>seconds without a touch</translation>
    </message>
    <message>
        <source>Hö&amp;gst</source>
        <translation>&amp;At most</translation>
    </message>
    <message>
        <source>väntande samtidigt (0 = ingen gräns)</source>
        <translation>waiting at the same time (0 = no limit)</translation>
    </message>
    <message>
        <source>Receptionen kan alltid dela ut kölappar, också efter kioskens stopp och när gränsen för väntande är nådd.</source>
        <translation>Reception can always issue tickets, also after the kiosk has stopped and when the waiting limit is reached.</translation>
    </message>
    <message>
        <source>Visa ”Följ din plats” i mobilen (kräver att statistiken skickas till den centrala mottagaren)</source>
        <translation>Show “Follow your place” on mobile (requires the statistics to be sent to the central receiver)</translation>
    </message>
    <message>
        <source>Kölappen får en QR-kod till besökarens plats i kön.</source>
        <translation>The ticket gets a QR code to the visitor&apos;s place in the queue.</translation>
    </message>
    <message>
        <source>Kölappen får då en QR-kod, så att besökaren kan följa sin plats i kön i mobilen. Mottagaren ställs in under Synk.</source>
        <translation>The ticket then gets a QR code, so the visitor can follow their place in the queue on their mobile. The receiver is set under Sync.</translation>
    </message>
    <message>
        <source> (alltid med)</source>
        <translation> (always included)</translation>
    </message>
    <message>
        <source> (ej granskad av modersmålstalare)</source>
        <translation> (not reviewed by a native speaker)</translation>
    </message>
    <message>
        <source>{0} (inga besökartexter finns)</source>
        <translation>{0} (no visitor texts available)</translation>
    </message>
    <message>
        <source>Kryssa i för att kiosken ska erbjuda språket.</source>
        <translation>Tick for the kiosk to offer the language.</translation>
    </message>
    <message>
        <source>Svenska och engelska finns alltid på kiosken.</source>
        <translation>Swedish and English are always on the kiosk.</translation>
    </message>
    <message>
        <source>Ändringarna är ångrade.</source>
        <translation>The changes have been undone.</translation>
    </message>
    <message>
        <source>Inget att spara: inget är ändrat.</source>
        <translation>Nothing to save: nothing has changed.</translation>
    </message>
    <message>
        <source>Kioskens inställningar är sparade.</source>
        <translation>The kiosk settings have been saved.</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Besökarens språk för nästa kölapp</source>
        <translation>Visitor&apos;s language for the next ticket</translation>
    </message>
    <message>
        <source>Kölappen får instruktioner på besökarens språk, och handläggaren ser språket innan besökaren ropas upp.</source>
        <translation>The ticket gets instructions in the visitor&apos;s language, and the case worker sees the language before the visitor is called.</translation>
    </message>
    <message>
        <source>Språk: svenska</source>
        <translation>Language: Swedish</translation>
    </message>
    <message>
        <source>Språk: {0}</source>
        <translation>Language: {0}</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>Språk: {0} — kan behöva tolk</source>
        <translation>Language: {0} — may need an interpreter</translation>
    </message>
    <message>
        <source>Språk: {0}</source>
        <translation>Language: {0}</translation>
    </message>
    <message>
        <source>Kan behöva tolk</source>
        <translation>May need an interpreter</translation>
    </message>
    <message>
        <source>Vill ha service på engelska</source>
        <translation>Wants service in English</translation>
    </message>
</context>
<context>
    <name>LastTicketPanel</name>
    <message>
        <source>Senast utfärdad</source>
        <translation>Last issued</translation>
    </message>
    <message>
        <source>Senast utfärdade kölapp</source>
        <translation>Last issued ticket</translation>
    </message>
    <message>
        <source>Bokad tid / förtur</source>
        <translation>Booked time / priority</translation>
    </message>
    <message>
        <source>Tryck på en kö (eller F1 …) för att ge en kölapp.</source>
        <translation>Press a queue (or F1 …) to give a ticket.</translation>
    </message>
    <message>
        <source>Skriv ut igen (Ctrl+P)</source>
        <translation>Print again (Ctrl+P)</translation>
    </message>
    <message>
        <source>Skriv ut senaste kölappen igen</source>
        <translation>Print the last ticket again</translation>
    </message>
    <message>
        <source>Inte längre i kön (betjänad eller avslutad)</source>
        <translation>No longer in the queue (served or finished)</translation>
    </message>
    <message>
        <source>Ropad till {0}</source>
        <translation>Called to {0}</translation>
    </message>
    <message>
        <source>Betjänas vid {0}</source>
        <translation>Being served at {0}</translation>
    </message>
    <message>
        <source>Parkerad – väntar på att ropas upp igen</source>
        <translation>Parked – waiting to be called again</translation>
    </message>
    <message>
        <source>Kö {0} – {1}</source>
        <translation>Queue {0} – {1}</translation>
    </message>
    <message>
        <source>Ingen före – tur snart</source>
        <translation>No one ahead – turn soon</translation>
    </message>
    <message>
        <source>{0} före · ca {1} min väntetid</source>
        <translation>{0} ahead · about {1} min wait</translation>
    </message>
    <message>
        <source>Skriver ut …</source>
        <translation>Printing …</translation>
    </message>
    <message>
        <source>Utskriften misslyckades</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>Utskriven ✓</source>
        <translation>Printed ✓</translation>
    </message>
    <message>
        <source>Ingen skrivare – inte utskriven</source>
        <translation>No printer – not printed</translation>
    </message>
    <message>
        <source>Ingen lapp på papper: {0} sparades som PDF i mappen {1}. Säg numret till besökaren, eller välj en skrivare under Inställningar.</source>
        <translation>No paper ticket: {0} was saved as a PDF in the folder {1}. Tell the visitor the number, or choose a printer under Settings.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Servicedisk – {0}</source>
        <translation>Servicedisk – {0}</translation>
    </message>
    <message>
        <source>Byt användare</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Lås skärmen så att nästa person kan logga in</source>
        <translation>Lock the screen so the next person can sign in</translation>
    </message>
    <message>
        <source>Låser skärmen så att nästa person kan logga in (Ctrl+L).</source>
        <translation>Locks the screen so the next person can sign in (Ctrl+L).</translation>
    </message>
    <message>
        <source>Vyer</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Byt vy med piltangenterna, eller med Alt och den understrukna bokstaven.</source>
        <translation>Switch view with the arrow keys, or with Alt and the underlined letter.</translation>
    </message>
    <message>
        <source>&amp;Reception</source>
        <translation>&amp;Reception</translation>
    </message>
    <message>
        <source>&amp;Lucka</source>
        <translation>&amp;Counter</translation>
    </message>
    <message>
        <source>S&amp;tatistik</source>
        <translation>S&amp;tatistics</translation>
    </message>
    <message>
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Ge kölappar och håll koll på kön.</source>
        <translation>Issue tickets and keep track of the queue.</translation>
    </message>
    <message>
        <source>Ropa upp besökare och registrera ärenden.</source>
        <translation>Call visitors and record errands.</translation>
    </message>
    <message>
        <source>Dagens siffror, perioder, bemanning och export.</source>
        <translation>Today&apos;s figures, periods, staffing and export.</translation>
    </message>
    <message>
        <source>Kontoret, köer, luckor, personal och mer.</source>
        <translation>The office, queues, counters, staff and more.</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Väntrumsskärm</source>
        <translation>Waiting-room display</translation>
    </message>
    <message>
        <source>Synk: inte inställd</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Databas: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>Inloggad: {0} ({1})</source>
        <translation>Signed in: {0} ({1})</translation>
    </message>
    <message>
        <source>Inte inloggad</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Skärmen låstes efter {0} minuter utan aktivitet.</source>
        <translation>The screen was locked after {0} minutes without activity.</translation>
    </message>
</context>
<context>
    <name>NewPinPanel</name>
    <message>
        <source>Välj en ny kod</source>
        <translation>Choose a new PIN</translation>
    </message>
    <message>
        <source>Ny kod</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Upprepa den nya koden</source>
        <translation>Repeat the new PIN</translation>
    </message>
    <message>
        <source>Upprepa koden</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <source>Spara koden och fortsätt</source>
        <translation>Save the PIN and continue</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Den nya koden. Enter går vidare till nästa fält.</source>
        <translation>The new PIN. Enter moves on to the next field.</translation>
    </message>
    <message>
        <source>Samma kod en gång till. Enter sparar.</source>
        <translation>The same PIN once more. Enter saves.</translation>
    </message>
    <message>
        <source>Sparar den nya koden och öppnar dina vyer.</source>
        <translation>Saves the new PIN and opens your views.</translation>
    </message>
    <message>
        <source>Tillbaka till inloggningen utan att byta kod.</source>
        <translation>Back to sign-in without changing the PIN.</translation>
    </message>
    <message>
        <source>Hej {0}! Din kod har satts av kontorschefen. Välj en egen kod innan du fortsätter, så att bara du känner till den.</source>
        <translation>Hello {0}! Your PIN was set by the office manager. Choose a PIN of your own before you continue, so that only you know it.</translation>
    </message>
    <message>
        <source>Hej {0}! Kontoret kräver nu minst {1} tecken i koden, och din är kortare. Välj en ny kod innan du fortsätter. En längre kod, gärna några ord, är svårare att gissa.</source>
        <translation>Hello {0}! The office now requires at least {1} characters in the PIN, and yours is shorter. Choose a new PIN before you continue. A longer PIN, preferably a few words, is harder to guess.</translation>
    </message>
    <message>
        <source>Ny kod (minst {0} tecken)</source>
        <translation>New PIN (at least {0} characters)</translation>
    </message>
    <message>
        <source>Koden kunde inte sparas.</source>
        <translation>The PIN could not be saved.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stäng meddelandet</source>
        <translation>Close the message</translation>
    </message>
    <message>
        <source>Döljer raden; inget tas bort.</source>
        <translation>Hides the line; nothing is removed.</translation>
    </message>
    <message>
        <source>{0} {1} (senast {2}, spärrat upp till {3} min)</source>
        <translation>{0} {1} (latest {2}, locked for up to {3} min)</translation>
    </message>
    <message>
        <source>en gång</source>
        <translation>once</translation>
    </message>
    <message>
        <source>{0} gånger</source>
        <translation>{0} times</translation>
    </message>
    <message>
        <source>Sedan du senast loggade in har konton spärrats efter fem felaktiga koder: {0}. Hör med dem det gäller; är det ingen av dem, kan någon ha försökt gissa en kod. Allt står i loggen under Inställningar.</source>
        <translation>Since you last signed in, accounts have been locked after five wrong PINs: {0}. Check with the people concerned; if it was none of them, someone may have tried to guess a PIN. Everything is in the log under Settings.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Lördag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Söndag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>{0} stängt</source>
        <translation>{0} closed</translation>
    </message>
    <message>
        <source>Kryssa i om kontoret har stängt hela dagen.</source>
        <translation>Tick if the office is closed all day.</translation>
    </message>
    <message>
        <source>{0} öppnar</source>
        <translation>{0} opens</translation>
    </message>
    <message>
        <source>{0} stänger</source>
        <translation>{0} closes</translation>
    </message>
    <message>
        <source>Paus</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>{0} paus</source>
        <translation>{0} break</translation>
    </message>
    <message>
        <source>Kryssa i om kontoret stänger en stund mitt på dagen.</source>
        <translation>Tick if the office closes for a while in the middle of the day.</translation>
    </message>
    <message>
        <source>{0} paus från</source>
        <translation>{0} break from</translation>
    </message>
    <message>
        <source>{0} paus till</source>
        <translation>{0} break until</translation>
    </message>
    <message>
        <source>Klockslag, timmar och minuter.</source>
        <translation>Time of day, hours and minutes.</translation>
    </message>
    <message>
        <source>Så många upprop innan besökaren kan markeras som utebliven.</source>
        <translation>This many calls before the visitor can be marked as a no-show.</translation>
    </message>
    <message>
        <source>Så länge innan samma kölapp kan ropas upp igen.</source>
        <translation>This long before the same ticket can be called again.</translation>
    </message>
    <message>
        <source>Förturslappar som ropas upp i rad före nästa vanliga.</source>
        <translation>Priority tickets called in a row before the next ordinary one.</translation>
    </message>
    <message>
        <source>Besöken gallras efter så många dagar; summorna finns kvar.</source>
        <translation>Visits are purged after this many days; the totals are kept.</translation>
    </message>
    <message>
        <source>Tal under gränsen slås ihop till övrigt.</source>
        <translation>Numbers below the threshold are merged into &quot;other&quot;.</translation>
    </message>
    <message>
        <source>Så många dagar sparas säkerhetskopiorna.</source>
        <translation>The backups are kept for this many days.</translation>
    </message>
    <message>
        <source>En orörd skärm låses efter så lång tid.</source>
        <translation>An untouched screen is locked after this long.</translation>
    </message>
    <message>
        <source>Kortaste kod som personalen får välja.</source>
        <translation>The shortest PIN staff may choose.</translation>
    </message>
    <message>
        <source>Kontoret</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Kontorets namn</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Som besökarna känner kontoret; syns på kölappen och skärmen.</source>
        <translation>As visitors know the office; shown on the ticket and the display.</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Öppnar</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>Stänger</source>
        <translation>Closes</translation>
    </message>
    <message>
        <source>Paus från</source>
        <translation>Break from</translation>
    </message>
    <message>
        <source>till</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Öppettiderna styr demodata, uppskattningar och väntrumsskärmen. Receptionen kan alltid dela ut kölappar.</source>
        <translation>The opening hours drive the demo data, estimates and the waiting-room display. Reception can always issue tickets.</translation>
    </message>
    <message>
        <source>Upprop och förtur</source>
        <translation>Calls and priority</translation>
    </message>
    <message>
        <source>Upprop innan uteblev</source>
        <translation>Calls before no-show</translation>
    </message>
    <message>
        <source> upprop</source>
        <translation> call(s)</translation>
    </message>
    <message>
        <source>Minsta tid mellan upprop</source>
        <translation>Shortest time between calls</translation>
    </message>
    <message>
        <source> sekunder</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>Förturslappar i följd</source>
        <translation>Priority tickets in a row</translation>
    </message>
    <message>
        <source>Ingen gräns</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>&amp;Upprop innan uteblev:</source>
        <translation>Calls &amp;before no-show:</translation>
    </message>
    <message>
        <source>&amp;Minsta tid mellan upprop:</source>
        <translation>Shortest t&amp;ime between calls:</translation>
    </message>
    <message>
        <source>&amp;Förturslappar i följd:</source>
        <translation>Priorit&amp;y tickets in a row:</translation>
    </message>
    <message>
        <source>Så många förturslappar ropas upp i rad innan nästa vanliga besökare, när båda väntar.</source>
        <translation>This many priority tickets are called in a row before the next ordinary visitor, when both are waiting.</translation>
    </message>
    <message>
        <source>Statistik, gallring och låsning</source>
        <translation>Statistics, purging and locking</translation>
    </message>
    <message>
        <source>Gallringstid</source>
        <translation>Purge after</translation>
    </message>
    <message>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Gräns för små tal</source>
        <translation>Small-number threshold</translation>
    </message>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Säkerhetskopior sparas</source>
        <translation>Backups are kept</translation>
    </message>
    <message>
        <source>&amp;Gallra besök efter:</source>
        <translation>P&amp;urge visits after:</translation>
    </message>
    <message>
        <source>Spara säker&amp;hetskopior i:</source>
        <translation>Keep bac&amp;kups for:</translation>
    </message>
    <message>
        <source>Sl&amp;å ihop tal under:</source>
        <translation>&amp;Merge numbers below:</translation>
    </message>
    <message>
        <source>Lås skärmen efter</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <source> minuter</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Aldrig</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Lås s&amp;kärmen efter:</source>
        <translation>&amp;Lock the screen after:</translation>
    </message>
    <message>
        <source>Små antal i rapporterna slås ihop till ”övrigt”, så att ingen besökare kan pekas ut. En skärm som lämnas orörd låses, så att nästa person måste logga in (väntrumsskärmen låses aldrig).</source>
        <translation>Small counts in the reports are merged into “other”, so that no visitor can be identified. A screen left untouched is locked, so that the next person has to sign in (the waiting-room display is never locked).</translation>
    </message>
    <message>
        <source>Koder och kommandoraden</source>
        <translation>PINs and the command line</translation>
    </message>
    <message>
        <source>Kortaste kod</source>
        <translation>Shortest PIN</translation>
    </message>
    <message>
        <source> tecken</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>K&amp;ortaste kod:</source>
        <translation>Sh&amp;ortest PIN:</translation>
    </message>
    <message>
        <source>Kommandoraden kräver kontorschefens kod</source>
        <translation>The command line requires the office manager&apos;s PIN</translation>
    </message>
    <message>
        <source>Kommandoraden frågar efter en kontorschefs kod innan den ändrar något.</source>
        <translation>The command line asks for an office manager&apos;s PIN before it changes anything.</translation>
    </message>
    <message>
        <source>Kontorschefens kod är alltid minst 6 tecken. Den som har en kortare kod än regeln får välja en ny vid nästa inloggning. Med rutan ikryssad frågar kommandoraden efter en kontorschefs användarnamn och kod innan den ändrar personal, återställer eller gallrar.</source>
        <translation>The office manager&apos;s PIN is always at least 6 characters. Anyone whose PIN is shorter than the rule chooses a new one at the next sign-in. With the box ticked, the command line asks for an office manager&apos;s user name and PIN before it changes staff, restores or purges.</translation>
    </message>
    <message>
        <source>Ändringarna är ångrade.</source>
        <translation>The changes have been undone.</translation>
    </message>
    <message>
        <source>Inget att spara: inget är ändrat.</source>
        <translation>Nothing to save: nothing has changed.</translation>
    </message>
    <message>
        <source>Kontorets inställningar är sparade.</source>
        <translation>The office settings have been saved.</translation>
    </message>
</context>
<context>
    <name>ParkedPanel</name>
    <message>
        <source>Parkerade</source>
        <translation>Parked</translation>
    </message>
    <message>
        <source>Parkerade kölappar</source>
        <translation>Parked tickets</translation>
    </message>
    <message>
        <source>Ropa upp parkerad</source>
        <translation>Call parked</translation>
    </message>
    <message>
        <source>Ropa upp vald parkerad kölapp igen</source>
        <translation>Call the selected parked ticket again</translation>
    </message>
</context>
<context>
    <name>PeriodPages</name>
    <message>
        <source>Statistikens sidor</source>
        <translation>Statistics pages</translation>
    </message>
    <message>
        <source>Byt sida med piltangenterna.</source>
        <translation>Switch page with the arrow keys.</translation>
    </message>
    <message>
        <source>Besökare</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Väntetid till upprop (minuter)</source>
        <translation>Wait until called (minutes)</translation>
    </message>
    <message>
        <source>Ärenden</source>
        <translation>Errands</translation>
    </message>
    <message>
        <source>Ankomster och bemanning</source>
        <translation>Arrivals and staffing</translation>
    </message>
    <message>
        <source>Ankomster per timme mot bemannade luckor.</source>
        <translation>Arrivals per hour against staffed counters.</translation>
    </message>
    <message>
        <source>Väntetider</source>
        <translation>Waiting times</translation>
    </message>
    <message>
        <source>Hur länge besökarna väntade på upprop.</source>
        <translation>How long visitors waited to be called.</translation>
    </message>
    <message>
        <source>Ärenden per myndighet.</source>
        <translation>Errands per agency.</translation>
    </message>
    <message>
        <source>Utfall och hänvisningar</source>
        <translation>Outcomes and referrals</translation>
    </message>
    <message>
        <source>Hur ärendena slutade och vart de gick.</source>
        <translation>How the errands ended and where they went.</translation>
    </message>
    <message>
        <source>Över tid</source>
        <translation>Over time</translation>
    </message>
    <message>
        <source>Besökare och betjänade per dag.</source>
        <translation>Visitors and served per day.</translation>
    </message>
    <message>
        <source>Bokade besök</source>
        <translation>Booked visits</translation>
    </message>
    <message>
        <source>Besök med och utan bokning per dag.</source>
        <translation>Visits with and without booking per day.</translation>
    </message>
    <message>
        <source>Bemanning</source>
        <translation>Staffing</translation>
    </message>
    <message>
        <source>Luckor som behövs mot luckor som var bemannade.</source>
        <translation>Counters needed against counters staffed.</translation>
    </message>
    <message>
        <source>Per medarbetare</source>
        <translation>Per staff member</translation>
    </message>
    <message>
        <source>Betjänade och betjäningstid per medarbetare.</source>
        <translation>Served and service time per staff member.</translation>
    </message>
    <message>
        <source>Hänvisad till {0}</source>
        <translation>Referred to {0}</translation>
    </message>
    <message>
        <source>Betjänade</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Besökare per dag</source>
        <translation>Visitors per day</translation>
    </message>
    <message>
        <source>Dag (öppna dagar)</source>
        <translation>Day (open days)</translation>
    </message>
    <message>
        <source>Betjänade med bokning</source>
        <translation>Served with booking</translation>
    </message>
    <message>
        <source>Betjänade utan bokning</source>
        <translation>Served without booking</translation>
    </message>
    <message>
        <source>Uteblivna bokningar</source>
        <translation>Missed bookings</translation>
    </message>
    <message>
        <source>Dag (dagar med bokningar)</source>
        <translation>Day (days with bookings)</translation>
    </message>
    <message>
        <source>Ankomster per dag</source>
        <translation>Arrivals per day</translation>
    </message>
    <message>
        <source>Bemannade luckor</source>
        <translation>Staffed counters</translation>
    </message>
    <message>
        <source>Timme</source>
        <translation>Hour</translation>
    </message>
</context>
<context>
    <name>PointDialog</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ordning</source>
        <translation>Call order</translation>
    </message>
    <message>
        <source>Köer luckan betjänar</source>
        <translation>Queues the counter serves</translation>
    </message>
    <message>
        <source>Upp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Flytta kön uppåt (Ctrl+Upp)</source>
        <translation>Move the queue up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Flytta kön nedåt (Ctrl+Ned)</source>
        <translation>Move the queue down (Ctrl+Down)</translation>
    </message>
    <message>
        <source>&amp;Reserverad för bokade besök</source>
        <translation>&amp;Reserved for booked visits</translation>
    </message>
    <message>
        <source>Reserverad för bokade besök</source>
        <translation>Reserved for booked visits</translation>
    </message>
    <message>
        <source>Håll ledig</source>
        <translation>Keep free</translation>
    </message>
    <message>
        <source> min före en bokning</source>
        <translation> min before a booking</translation>
    </message>
    <message>
        <source>Luckan ropar först de incheckade bokningarna och tar drop-in bara när nästa bokning är längre bort än så.</source>
        <translation>The counter first calls the checked-in bookings and takes walk-ins only when the next booking is further away than this.</translation>
    </message>
    <message>
        <source>Luckan hålls för bokade besök och tar drop-in bara i luckorna mellan dem.</source>
        <translation>The service point is kept for booked visits and takes walk-ins only in the gaps between them.</translation>
    </message>
    <message>
        <source>Numret som visas i väntrummet.</source>
        <translation>The number shown in the waiting room.</translation>
    </message>
    <message>
        <source>Namnet på skärmarna, till exempel Lucka 3.</source>
        <translation>The name on the screens, for example Counter 3.</translation>
    </message>
    <message>
        <source>Om luckan tar den som väntat längst, eller köerna i tur och ordning.</source>
        <translation>Whether the service point takes whoever has waited longest, or the queues in turn.</translation>
    </message>
    <message>
        <source>Bocka för köerna luckan ropar upp från; ordningen med Upp och Ned.</source>
        <translation>Tick the queues the service point calls from; set their order with Up and Down.</translation>
    </message>
    <message>
        <source>Arbetsprofil</source>
        <translation>Work profile</translation>
    </message>
    <message>
        <source>&amp;Nummer:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>N&amp;amn:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Ordning:</source>
        <translation>&amp;Call order:</translation>
    </message>
    <message>
        <source>&amp;Köer:</source>
        <translation>&amp;Queues:</translation>
    </message>
    <message>
        <source>Bokade besök:</source>
        <translation>Booked visits:</translation>
    </message>
    <message>
        <source>&amp;Håll ledig:</source>
        <translation>&amp;Keep free:</translation>
    </message>
    <message>
        <source>Luckan betjänar bara {0}, i den ordningen.</source>
        <translation>The counter serves only {0}, in that order.</translation>
    </message>
    <message>
        <source>Ingen kö vald: luckan betjänar alla köer.</source>
        <translation>No queue chosen: the counter serves all queues.</translation>
    </message>
</context>
<context>
    <name>PointTableModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Köer</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Ordning</source>
        <translation>Call order</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Längst väntat först</source>
        <translation>Longest wait first</translation>
    </message>
    <message>
        <source>Köerna i tur och ordning</source>
        <translation>The queues in turn</translation>
    </message>
    <message>
        <source>Alla köer</source>
        <translation>All queues</translation>
    </message>
    <message>
        <source>{0} · reserverad för bokade besök</source>
        <translation>{0} · reserved for booked visits</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>Luckor</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>&amp;Ny lucka…</source>
        <translation>&amp;New counter…</translation>
    </message>
    <message>
        <source>En luckas arbetsprofil är de köer den ropar upp från. Utan vald kö betjänar luckan alla köer.</source>
        <translation>A counter&apos;s work profile is the queues it calls from. With no queue chosen, the counter serves all queues.</translation>
    </message>
    <message>
        <source>Ny lucka</source>
        <translation>New counter</translation>
    </message>
    <message>
        <source>Lucka {0}</source>
        <translation>Counter {0}</translation>
    </message>
    <message>
        <source>{0} är tillagd.</source>
        <translation>{0} has been added.</translation>
    </message>
    <message>
        <source>Ändra {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>{0} är ändrad.</source>
        <translation>{0} has been changed.</translation>
    </message>
    <message>
        <source>{0} är tagen ur bruk.</source>
        <translation>{0} has been retired.</translation>
    </message>
    <message>
        <source>{0} är i bruk igen.</source>
        <translation>{0} is in use again.</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Bokstav</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Bokstaven före numret på kölappen, A–Z.</source>
        <translation>The letter before the number on the ticket, A–Z.</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Köns namn på skärmarna.</source>
        <translation>The queue's name on the screens.</translation>
    </message>
    <message>
        <source>Engelskt namn</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Köns namn på kiosken och skärmen för den som läser engelska.</source>
        <translation>The queue's name on the kiosk and the display for those who read English.</translation>
    </message>
    <message>
        <source>Myndigheter</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Myndigheterna vars besökare tar den här kön; kryssa för med mellanslag.</source>
        <translation>The agencies whose visitors take this queue; tick with the space bar.</translation>
    </message>
    <message>
        <source>&amp;Bokstav:</source>
        <translation>&amp;Letter:</translation>
    </message>
    <message>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Engelskt namn:</source>
        <translation>&amp;English name:</translation>
    </message>
    <message>
        <source>&amp;Myndigheter:</source>
        <translation>&amp;Agencies:</translation>
    </message>
    <message>
        <source>Kryssa för med mellanslag.</source>
        <translation>Tick with the space bar.</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>Bokstav</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Engelskt namn</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Myndigheter</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Köer</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>&amp;Ny kö…</source>
        <translation>&amp;New queue…</translation>
    </message>
    <message>
        <source>Varje kö har en bokstav på kölappen. En kö som tas ur bruk finns kvar i statistiken och kan återställas.</source>
        <translation>Each queue has a letter on the ticket. A retired queue stays in the statistics and can be restored.</translation>
    </message>
    <message>
        <source>Ny kö</source>
        <translation>New queue</translation>
    </message>
    <message>
        <source>Kö {0} ({1}) är tillagd.</source>
        <translation>Queue {0} ({1}) has been added.</translation>
    </message>
    <message>
        <source>Ändra kö {0}</source>
        <translation>Edit queue {0}</translation>
    </message>
    <message>
        <source>Kö {0} är ändrad.</source>
        <translation>Queue {0} has been changed.</translation>
    </message>
    <message>
        <source>Kö {0} är tagen ur bruk. Den finns kvar i statistiken och kan återställas.</source>
        <translation>Queue {0} has been retired. It stays in the statistics and can be restored.</translation>
    </message>
    <message>
        <source>Kö {0} är i bruk igen.</source>
        <translation>Queue {0} is in use again.</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <source>Dina köer</source>
        <translation>Your queues</translation>
    </message>
    <message>
        <source>Köer som luckan betjänar</source>
        <translation>Queues the counter serves</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>ca {0} min</source>
        <translation>about {0} min</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Längst</source>
        <translation>Longest</translation>
    </message>
    <message>
        <source>Ny besökare</source>
        <translation>New visitor</translation>
    </message>
    <message>
        <source>Välj lucka för att se köerna.</source>
        <translation>Choose a counter to see the queues.</translation>
    </message>
</context>
<context>
    <name>RecentTicketsModel</name>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Utfärdad</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Uppropad</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Betjänas</source>
        <translation>Being served</translation>
    </message>
    <message>
        <source>Parkerad</source>
        <translation>Parked</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Gick innan upprop</source>
        <translation>Left before call</translation>
    </message>
    <message>
        <source>Makulerad</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Ej betjänad</source>
        <translation>Not served</translation>
    </message>
</context>
<context>
    <name>ReceptionView</name>
    <message>
        <source>Ger den som kom för sent till sin bokning en vanlig kölapp.</source>
        <translation>Gives someone who came too late for their booking an ordinary ticket.</translation>
    </message>
    <message>
        <source>Kölappen får instruktioner på språket; svenska om inget väljs.</source>
        <translation>The ticket gets instructions in the language; Swedish if none is chosen.</translation>
    </message>
    <message>
        <source>Ångrar att kölappen markerades som gått innan upprop.</source>
        <translation>Undoes marking the ticket as left before being called.</translation>
    </message>
    <message>
        <source>Nästa kölapp får förtur. Gäller bara den kölappen.</source>
        <translation>The next ticket gets priority. Applies to that ticket only.</translation>
    </message>
    <message>
        <source>Skanna bekräftelsen, eller skriv numret och tryck Enter.</source>
        <translation>Scan the confirmation, or type the number and press Enter.</translation>
    </message>
    <message>
        <source>Checkar in bokningen och ger besökaren en kölapp.</source>
        <translation>Checks in the booking and gives the visitor a ticket.</translation>
    </message>
    <message>
        <source>Öppnar listan över dagens bokade besök.</source>
        <translation>Opens the list of today&apos;s booked visits.</translation>
    </message>
    <message>
        <source>Skriver ut den senaste kölappen en gång till (Ctrl+P).</source>
        <translation>Prints the last ticket once more (Ctrl+P).</translation>
    </message>
    <message>
        <source>Välj en kölapp med piltangenterna; knapparna under gäller den.</source>
        <translation>Choose a ticket with the arrow keys; the buttons below apply to it.</translation>
    </message>
    <message>
        <source>Skriver ut den valda kölappen en gång till.</source>
        <translation>Prints the selected ticket once more.</translation>
    </message>
    <message>
        <source>Tar den valda kölappen ur kön: besökaren gick. Kan ångras.</source>
        <translation>Takes the selected ticket out of the queue: the visitor left. Can be undone.</translation>
    </message>
    <message>
        <source>Makulerar den valda kölappen, efter en fråga.</source>
        <translation>Cancels the selected ticket, after asking.</translation>
    </message>
    <message>
        <source>De som väntar, i den ordning de ropas upp.</source>
        <translation>Those waiting, in the order they are called.</translation>
    </message>
    <message>
        <source>Besökare som är uppropade eller betjänas nu, och var.</source>
        <translation>Visitors who have been called or are being served now, and where.</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ångra: besökaren gick inte</source>
        <translation>Undo: the visitor did not leave</translation>
    </message>
    <message>
        <source>Ny kölapp</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>Bokad tid eller förtur för nästa kölapp</source>
        <translation>Booked time or priority for the next ticket</translation>
    </message>
    <message>
        <source>Senaste kölappar</source>
        <translation>Recent tickets</translation>
    </message>
    <message>
        <source>Skriv ut vald igen</source>
        <translation>Print selected again</translation>
    </message>
    <message>
        <source>Skriv ut vald kölapp igen</source>
        <translation>Print the selected ticket again</translation>
    </message>
    <message>
        <source>Gick innan upprop</source>
        <translation>Left before call</translation>
    </message>
    <message>
        <source>Markera vald kölapp: besökaren gick innan upprop</source>
        <translation>Mark the selected ticket: the visitor left before being called</translation>
    </message>
    <message>
        <source>Makulera vald …</source>
        <translation>Cancel selected …</translation>
    </message>
    <message>
        <source>Makulera vald kölapp</source>
        <translation>Cancel the selected ticket</translation>
    </message>
    <message>
        <source>Väntande kölappar</source>
        <translation>Waiting tickets</translation>
    </message>
    <message>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Betjänas nu</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>Kölappen kunde inte utfärdas: databasen svarade inte. Försök igen; kvarstår felet, kontakta IT.</source>
        <translation>The ticket could not be issued: the database did not respond. Try again; if the error persists, contact IT.</translation>
    </message>
    <message>
        <source>fel</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Kölappen {0} kunde inte skrivas ut ({1}). Lappen är utfärdad och står i kön – säg numret till besökaren, kontrollera skrivaren och tryck ”Skriv ut igen”.</source>
        <translation>Ticket {0} could not be printed ({1}). The ticket is issued and in the queue – tell the visitor the number, check the printer and press “Print again”.</translation>
    </message>
    <message>
        <source>Kölappen {0} är utskriven igen.</source>
        <translation>Ticket {0} has been printed again.</translation>
    </message>
    <message>
        <source>{0}: ingen skrivare – sparad igen som PDF i mappen {1}.</source>
        <translation>{0}: no printer – saved again as a PDF in the folder {1}.</translation>
    </message>
    <message>
        <source> Numret ropas aldrig upp: ge besökaren en ny kölapp.</source>
        <translation> The number will never be called: give the visitor a new ticket.</translation>
    </message>
    <message>
        <source>Kölappen {0} finns inte längre i kön.</source>
        <translation>Ticket {0} is no longer in the queue.</translation>
    </message>
    <message>
        <source>Makulera kölapp</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <source>Makulera kölapp {0}?</source>
        <translation>Cancel ticket {0}?</translation>
    </message>
    <message>
        <source>Lappen tas bort ur kön och ropas inte upp.</source>
        <translation>The ticket is removed from the queue and will not be called.</translation>
    </message>
    <message>
        <source>Makulera {0}</source>
        <translation>Cancel {0}</translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>{0} är makulerad.</source>
        <translation>{0} has been cancelled.</translation>
    </message>
    <message>
        <source>{0} kunde inte makuleras. Försök igen.</source>
        <translation>{0} could not be cancelled. Try again.</translation>
    </message>
    <message>
        <source>{0} är markerad: gick innan upprop. Fel? Tryck Ångra.</source>
        <translation>{0} is marked: left before call. Wrong? Press Undo.</translation>
    </message>
    <message>
        <source>{0} kunde inte markeras som gått. Försök igen.</source>
        <translation>{0} could not be marked as left. Try again.</translation>
    </message>
    <message>
        <source>{0} står i kön igen, på sin gamla plats.</source>
        <translation>{0} is back in the queue, in its old place.</translation>
    </message>
    <message>
        <source>{0} kunde inte sättas tillbaka i kön.</source>
        <translation>{0} could not be put back in the queue.</translation>
    </message>
    <message>
        <source>Väntar ({0})</source>
        <translation>Waiting ({0})</translation>
    </message>
    <message>
        <source>✓ Bokad tid / förtur – nästa kölapp blir bokad</source>
        <translation>✓ Booked time / priority – the next ticket is booked</translation>
    </message>
    <message>
        <source>Bokad tid / förtur (för nästa kölapp)</source>
        <translation>Booked time / priority (for the next ticket)</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Det finns ingen kö med bokstaven {letter}.</source>
        <translation>There is no queue with the letter {letter}.</translation>
    </message>
    <message>
        <source>Det finns inget språk med koden {code} i katalogen.</source>
        <translation>There is no language with the code {code} in the catalog.</translation>
    </message>
    <message>
        <source>Det finns ingen kölapp {code} i dag.</source>
        <translation>There is no ticket {code} today.</translation>
    </message>
    <message>
        <source>Det finns ingen lucka {point}.</source>
        <translation>There is no service point {point}.</translation>
    </message>
    <message>
        <source>Ingen väntar i köerna som lucka {point} betjänar.</source>
        <translation>Nobody is waiting in the queues service point {point} serves.</translation>
    </message>
    <message>
        <source>Det går inte att {action} {code}: lappen {state}.</source>
        <translation>Cannot {action} {code}: the ticket {state}.</translation>
    </message>
    <message>
        <source>Lucka {point} betjänar fortfarande {code}. Avsluta den först.</source>
        <translation>Service point {point} is still serving {code}. Finish it first.</translation>
    </message>
    <message>
        <source>{code} ropades inte upp till lucka {point}.</source>
        <translation>{code} was not called to service point {point}.</translation>
    </message>
    <message>
        <source>{code} ropades nyss upp. Vänta {seconds} s innan du ropar igen.</source>
        <translation>{code} was just called. Wait {seconds} s before calling again.</translation>
    </message>
    <message>
        <source>Ropa upp {code} en gång till innan du markerar att besökaren uteblev.</source>
        <translation>Call {code} once more before marking that the visitor did not show up.</translation>
    </message>
    <message>
        <source>Ropa upp {code} {needed} gånger till innan du markerar att besökaren uteblev.</source>
        <translation>Call {code} {needed} more times before marking that the visitor did not show up.</translation>
    </message>
    <message>
        <source>Kö {letter} har delat ut alla 999 nummer i dag.</source>
        <translation>Queue {letter} has issued all 999 numbers today.</translation>
    </message>
    <message>
        <source>Lucka {point} är reserverad för bokade besök: nästa bokning är {time}. Drop-in tas när nästa bokning är längre bort.</source>
        <translation>Service point {point} is reserved for booked visits: the next booking is at {time}. Walk-ins are taken when the next booking is further away.</translation>
    </message>
    <message>
        <source>Kiosken delar inte ut kölappar just nu: kontoret är stängt.</source>
        <translation>The kiosk issues no tickets just now: the office is closed.</translation>
    </message>
    <message>
        <source>{limit} personer väntar redan, så många som kontoret tar emot samtidigt.</source>
        <translation>{limit} people are waiting already, as many as the office takes at once.</translation>
    </message>
    <message>
        <source>Det finns ingen bokning i dag med det bokningsnumret. Kontrollera numret, eller ge besökaren en vanlig kölapp.</source>
        <translation>There is no booking today with that booking number. Check the number, or give the visitor an ordinary ticket.</translation>
    </message>
    <message>
        <source>Bokningen är avbokad. Besökaren kan få en vanlig kölapp.</source>
        <translation>The booking was cancelled. The visitor can have an ordinary ticket.</translation>
    </message>
    <message>
        <source>Den bokade tiden har passerat. Besökaren kan få en vanlig kölapp.</source>
        <translation>The booked time has passed. The visitor can have an ordinary ticket.</translation>
    </message>
    <message>
        <source>Bokningen är redan incheckad, med kölapp {code}.</source>
        <translation>The booking is checked in already, with ticket {code}.</translation>
    </message>
    <message>
        <source>Rad {line}: {text}</source>
        <translation>Line {line}: {text}</translation>
    </message>
    <message>
        <source>kolumnen &apos;{column}&apos; {problem}.</source>
        <translation>the column &apos;{column}&apos; {problem}.</translation>
    </message>
    <message>
        <source>händelsens {name} {problem}.</source>
        <translation>the event&apos;s {name} {problem}.</translation>
    </message>
    <message>
        <source>är tomt</source>
        <translation>is empty</translation>
    </message>
    <message>
        <source>måste vara 4–64 av A–Z, 0–9 och &apos;-&apos;</source>
        <translation>must be 4–64 of A–Z, 0–9 and &apos;-&apos;</translation>
    </message>
    <message>
        <source>ska vara 2–12 bokstäver a–z, som ar</source>
        <translation>must be 2–12 letters a–z, such as ar</translation>
    </message>
    <message>
        <source>måste vara ja eller nej (yes/no, 1/0)</source>
        <translation>must be yes or no (ja/nej, 1/0)</translation>
    </message>
    <message>
        <source>måste vara bokad, avbokad eller tom</source>
        <translation>must be booked, cancelled or empty</translation>
    </message>
    <message>
        <source>är inget helt antal minuter</source>
        <translation>is not a whole number of minutes</translation>
    </message>
    <message>
        <source>är {minutes} minuter, inte {low}–{high}</source>
        <translation>is {minutes} minutes, not {low}–{high}</translation>
    </message>
    <message>
        <source>ger {at}, en tid som klockan hoppar över</source>
        <translation>gives {at}, a time the clock skips</translation>
    </message>
    <message>
        <source>är inget datum ÅÅÅÅ-MM-DD (2026-12-08)</source>
        <translation>is not a date YYYY-MM-DD (2026-12-08)</translation>
    </message>
    <message>
        <source>är ingen tid TT:MM (09:30)</source>
        <translation>is not a time HH:MM (09:30)</translation>
    </message>
    <message>
        <source>kan inte läsas eller finns två gånger</source>
        <translation>cannot be read, or is given twice</translation>
    </message>
    <message>
        <source>saknas</source>
        <translation>is missing</translation>
    </message>
    <message>
        <source>saknas (eller ange DURATION)</source>
        <translation>is missing (or give DURATION)</translation>
    </message>
    <message>
        <source>stämmer inte med DTEND</source>
        <translation>does not agree with DTEND</translation>
    </message>
    <message>
        <source>saknar klockslag (en heldag)</source>
        <translation>has no time of day (a whole-day event)</translation>
    </message>
    <message>
        <source>upprepar den: en bokning är ett besök</source>
        <translation>repeats it: a booking is one visit</translation>
    </message>
    <message>
        <source>anger den okända tidszonen &apos;{zone}&apos;. Ange en som Europe/Stockholm, eller en VTIMEZONE</source>
        <translation>names the unknown time zone &apos;{zone}&apos;. Use one such as Europe/Stockholm, or a VTIMEZONE</translation>
    </message>
    <message>
        <source>Filen är större än {limit} MB. Exportera en dag eller en vecka åt gången.</source>
        <translation>The file is larger than {limit} MB. Export a day or a week at a time.</translation>
    </message>
    <message>
        <source>fler än {limit} bokningar. Exportera en dag eller en vecka åt gången.</source>
        <translation>more than {limit} bookings. Export a day or a week at a time.</translation>
    </message>
    <message>
        <source>Filen är tom.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; heter .ics men är ingen kalender.</source>
        <translation>&apos;{name}&apos; is named .ics but is no calendar.</translation>
    </message>
    <message>
        <source>ingen text i UTF-8 (eller, för CSV, Windows-1252). Spara filen som CSV UTF-8.</source>
        <translation>not text in UTF-8 (or, for CSV, Windows-1252). Save the file as CSV UTF-8.</translation>
    </message>
    <message>
        <source>samma bokningsnummer som rad {first}. En bokning får finnas en gång i filen.</source>
        <translation>the same booking number as line {first}. A booking may be in the file once.</translation>
    </message>
    <message>
        <source>första raden ska namnge kolumnerna ({sv_names}).</source>
        <translation>the first line must name the columns ({sv_names}).</translation>
    </message>
    <message>
        <source>okänd kolumn &apos;{column}&apos;. Kolumnerna är {sv_names}.</source>
        <translation>unknown column &apos;{column}&apos;. The columns are {sv_names}.</translation>
    </message>
    <message>
        <source>kolumnen &apos;{sv}&apos; finns två gånger.</source>
        <translation>the column &apos;{sv}&apos; is there twice.</translation>
    </message>
    <message>
        <source>kolumnen &apos;{sv}&apos; saknas.</source>
        <translation>the column &apos;{sv}&apos; is missing.</translation>
    </message>
    <message>
        <source>ett citattecken avslutas inte.</source>
        <translation>a quote mark is not closed.</translation>
    </message>
    <message>
        <source>{got} värden för {want} kolumner.</source>
        <translation>{got} values for {want} columns.</translation>
    </message>
    <message>
        <source>ett värde i namnlös kolumn {n}.</source>
        <translation>a value in nameless column {n}.</translation>
    </message>
    <message>
        <source>ingen iCalendar-rad (NAMN:värde).</source>
        <translation>not an iCalendar line (NAME:value).</translation>
    </message>
    <message>
        <source>END:{what} avslutar inget påbörjat.</source>
        <translation>END:{what} closes nothing begun.</translation>
    </message>
    <message>
        <source>BEGIN:{what} avslutas aldrig.</source>
        <translation>BEGIN:{what} is never ended.</translation>
    </message>
    <message>
        <source>Ingen iCalendar-fil (RFC 5545).</source>
        <translation>Not an iCalendar file (RFC 5545).</translation>
    </message>
    <message>
        <source>Händelserna gick inte att skilja åt.</source>
        <translation>The events could not be told apart.</translation>
    </message>
    <message>
        <source>Filen är större än {limit} MB. Exportera en dag eller en vecka åt gången. Inget har lästs in.</source>
        <translation>The file is larger than {limit} MB. Export a day or a week at a time. Nothing was imported.</translation>
    </message>
    <message>
        <source>{problem} Inget har lästs in.</source>
        <translation>{problem} Nothing was imported.</translation>
    </message>
    <message>
        <source>Ärende {number}: {text}</source>
        <translation>Errand {number}: {text}</translation>
    </message>
    <message>
        <source>Det finns ingen post &apos;{code}&apos; för {entry} i katalogen.</source>
        <translation>There is no entry &apos;{code}&apos; for {entry} in the catalog.</translation>
    </message>
    <message>
        <source>Valet &apos;{code}&apos; för {entry} används inte längre och kan inte väljas för nya ärenden.</source>
        <translation>The choice &apos;{code}&apos; for {entry} is no longer in use and cannot be chosen for new errands.</translation>
    </message>
    <message>
        <source>Ärendetypen &apos;{errand_type}&apos; hör inte till {agency}. Välj en av dess ärendetyper.</source>
        <translation>The errand type &apos;{errand_type}&apos; is not one of {agency}&apos;s. Choose one of its errand types.</translation>
    </message>
    <message>
        <source>Utfallet &apos;{outcome}&apos; kräver en hänvisning. Välj vart besökaren hänvisades.</source>
        <translation>The outcome &apos;{outcome}&apos; needs a referral. Choose where the visitor was referred.</translation>
    </message>
    <message>
        <source>Utfallet &apos;{outcome}&apos; är ingen hänvisning. Lämna hänvisningen tom.</source>
        <translation>The outcome &apos;{outcome}&apos; is no referral. Leave the referral empty.</translation>
    </message>
    <message>
        <source>Tiden {seconds} s är inte möjlig. Ange mellan 0 och {limit} timmar.</source>
        <translation>A time of {seconds} s is not possible. Give between 0 and {limit} hours.</translation>
    </message>
    <message>
        <source>Ett besök utan kölapp behöver minst ett ärende.</source>
        <translation>A visit without a ticket needs at least one errand.</translation>
    </message>
    <message>
        <source>Ett besök utan kölapp sker i disken eller på telefon.</source>
        <translation>A visit without a ticket is at the desk or on the phone.</translation>
    </message>
    <message>
        <source>Det finns inget besök {visit}.</source>
        <translation>There is no visit {visit}.</translation>
    </message>
    <message>
        <source>Det finns inget ärende {errand}.</source>
        <translation>There is no errand {errand}.</translation>
    </message>
    <message>
        <source>Det finns ingen medarbetare {staff}.</source>
        <translation>There is no staff member {staff}.</translation>
    </message>
    <message>
        <source>Besöken från {date} är äldre än gallringstiden och kan inte ändras.</source>
        <translation>The visits of {date} are past the retention period and cannot be changed.</translation>
    </message>
    <message>
        <source>Besöket betjänades av någon annan. Bara den personen eller kontorschefen kan ändra dess ärenden.</source>
        <translation>Someone else served the visit. Only they or the office manager can change its errands.</translation>
    </message>
    <message>
        <source>Ärenden från {date} kan nu bara ändras av kontorschefen. Be hen om hjälp.</source>
        <translation>The errands of {date} can now only be changed by the office manager. Ask them for help.</translation>
    </message>
    <message>
        <source>För många felaktiga försök. Försök igen om {minutes} min.</source>
        <translation>Too many wrong attempts. Try again in {minutes} min.</translation>
    </message>
    <message>
        <source>För många felaktiga försök. Försök igen om {hours} timme.</source>
        <translation>Too many wrong attempts. Try again in {hours} hour.</translation>
    </message>
    <message>
        <source>För många felaktiga försök. Försök igen om {hours} timmar.</source>
        <translation>Too many wrong attempts. Try again in {hours} hours.</translation>
    </message>
    <message>
        <source>Användarnamnet ska vara 2–40 tecken: först en bokstav, sedan a–z, siffror, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos;.</source>
        <translation>A login is 2–40 characters: a letter first, then a–z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Rollen ska vara reception, handläggare eller kontorschef.</source>
        <translation>The role is reception, case worker or office manager.</translation>
    </message>
    <message>
        <source>Det finns ingen medarbetare med användarnamnet {login}.</source>
        <translation>There is no staff member with the login {login}.</translation>
    </message>
    <message>
        <source>Namnet är för långt.</source>
        <translation>The name is too long.</translation>
    </message>
    <message>
        <source>Kontoret har redan personalkonton: logga in som kontorschef.</source>
        <translation>The office has staff accounts already: sign in as the office manager.</translation>
    </message>
    <message>
        <source>Användarnamnet {login} finns redan.</source>
        <translation>The login {login} is taken.</translation>
    </message>
    <message>
        <source>Den sista aktiva kontorschefen kan inte stängas av.</source>
        <translation>The last active office manager cannot be disabled.</translation>
    </message>
    <message>
        <source>Den sista aktiva kontorschefen måste förbli kontorschef.</source>
        <translation>The last active office manager must stay office manager.</translation>
    </message>
    <message>
        <source>Logga in för att byta din kod.</source>
        <translation>Sign in to change your PIN.</translation>
    </message>
    <message>
        <source>Välj en annan kod än den du har nu.</source>
        <translation>Choose a PIN other than the one you have now.</translation>
    </message>
    <message>
        <source>Kontot finns inte längre.</source>
        <translation>The account no longer exists.</translation>
    </message>
    <message>
        <source>Fel användarnamn eller kod.</source>
        <translation>Wrong login or PIN.</translation>
    </message>
    <message>
        <source>Koden och upprepningen stämmer inte överens. Inget har ändrats.</source>
        <translation>The PIN and its repetition differ. Nothing was changed.</translation>
    </message>
    <message>
        <source>Koden ska vara minst {minimum} tecken.</source>
        <translation>The PIN must be at least {minimum} characters.</translation>
    </message>
    <message>
        <source>Koden får vara högst {maximum} tecken.</source>
        <translation>The PIN may be at most {maximum} characters.</translation>
    </message>
    <message>
        <source>En kod med samma tecken upprepat är för lätt att gissa.</source>
        <translation>A PIN of one repeated character is too easy to guess.</translation>
    </message>
    <message>
        <source>Som {role} får du inte {permission}.</source>
        <translation>As {role} you may not {permission}.</translation>
    </message>
    <message>
        <source>Logga in för att {permission}.</source>
        <translation>Sign in to {permission}.</translation>
    </message>
    <message>
        <source>Databasen svarade med ett fel. Försök igen; händer det igen, kontakta IT.</source>
        <translation>The database answered with an error. Try again; if it happens again, contact IT.</translation>
    </message>
    <message>
        <source>Databasservern svarade inte i tid, så inget sparades. Försök igen om en stund.</source>
        <translation>The database server did not answer in time, so nothing was stored. Try again in a moment.</translation>
    </message>
    <message>
        <source>Databasservern går inte att nå just nu, så inget sparades. Försök igen om en stund; kvarstår felet, kontakta IT.</source>
        <translation>The database server cannot be reached just now, so nothing was stored. Try again in a moment; if it persists, contact IT.</translation>
    </message>
    <message>
        <source>Filen {path} är inte en databas för Servicedisk: {found}. Den har inte ändrats. Välj kontorets databas, eller flytta undan filen för att börja med en ny.</source>
        <translation>The file {path} is not a Servicedisk database: {found}. It has not been changed. Choose the office&apos;s database, or move the file away to start a new one.</translation>
    </message>
    <message>
        <source>Disken där databasen ligger är full, så inget sparades. Be IT frigöra utrymme och försök igen.</source>
        <translation>The disk holding the database is full, so nothing was stored. Ask IT to free some space and try again.</translation>
    </message>
    <message>
        <source>Databasen {path} eller dess mapp går inte att skriva till (behörighet eller skrivskyddad disk), så inget sparades. Filen är oskadd. Kontakta IT.</source>
        <translation>The database {path} or its folder cannot be written (permissions or a read-only disk), so nothing was stored. The file is unharmed. Contact IT.</translation>
    </message>
    <message>
        <source>Databasen databasen eller dess mapp går inte att skriva till (behörighet eller skrivskyddad disk), så inget sparades. Filen är oskadd. Kontakta IT.</source>
        <translation>The database or its folder cannot be written (permissions or a read-only disk), so nothing was stored. The file is unharmed. Contact IT.</translation>
    </message>
    <message>
        <source>Databasen hann inte med två ändringar samtidigt, så den här sparades inte. Försök igen.</source>
        <translation>The database could not take two changes at once, so this one was not stored. Try again.</translation>
    </message>
    <message>
        <source>Databasen är låst av ett annat program just nu, så inget sparades. Försök igen om en stund.</source>
        <translation>The database is locked by another program just now, so nothing was stored. Try again in a moment.</translation>
    </message>
    <message>
        <source>Databasen {path} går inte att öppna (mappen saknas eller behörighet fattas). Kontakta IT.</source>
        <translation>The database {path} cannot be opened (the folder is missing or permission is lacking). Contact IT.</translation>
    </message>
    <message>
        <source>Databasen databasen går inte att öppna (mappen saknas eller behörighet fattas). Kontakta IT.</source>
        <translation>The database cannot be opened (the folder is missing or permission is lacking). Contact IT.</translation>
    </message>
    <message>
        <source>Disken där databasen ligger kunde inte läsas eller skrivas. Kontakta IT.</source>
        <translation>The disk holding the database could not be read or written. Contact IT.</translation>
    </message>
    <message>
        <source>Databasen är skadad, så inget mer sparas i den. Den har inte ändrats.</source>
        <translation>The database is damaged, so nothing more is stored in it. It has not been changed.</translation>
    </message>
    <message>
        <source>filen är tom (0 byte)</source>
        <translation>the file is empty (0 bytes)</translation>
    </message>
    <message>
        <source>en SQLite-databas utan tabeller</source>
        <translation>an SQLite database without tables</translation>
    </message>
    <message>
        <source>ett annat programs databas (tabeller: {tables})</source>
        <translation>another program&apos;s database (tables: {tables})</translation>
    </message>
    <message>
        <source>en databas med något som Servicedisk inte själv skapar ({detail})</source>
        <translation>a database holding something Servicedisk does not make ({detail})</translation>
    </message>
    <message>
        <source>filen är ingen databas</source>
        <translation>the file is no database</translation>
    </message>
    <message>
        <source>Databasen är skriven av en nyare version av Servicedisk (schema {revision}). Installera den versionen, eller återställ en säkerhetskopia.</source>
        <translation>The database was written by a newer version of Servicedisk (schema {revision}). Install that version, or restore a backup.</translation>
    </message>
    <message>
        <source>Drivrutinen för databasservern saknas på den här datorn. Kontakta IT.</source>
        <translation>The driver for the database server is missing on this PC. Contact IT.</translation>
    </message>
    <message>
        <source>Databasen innehåller ett annat programs tabeller och lämnas orörd. Servicedisk behöver en egen, tom databas – kontakta IT.</source>
        <translation>The database holds another program&apos;s tables and is left untouched. Servicedisk needs an empty database of its own – contact IT.</translation>
    </message>
    <message>
        <source>{folder} är en fil, inte en mapp. Välj en mapp för kontorets data.</source>
        <translation>{folder} is a file, not a folder. Choose a folder for the office&apos;s data.</translation>
    </message>
    <message>
        <source>Mappen {folder} går inte att skapa. Kontakta IT.</source>
        <translation>The folder {folder} cannot be made. Contact IT.</translation>
    </message>
    <message>
        <source>Databasen på servern innehåller något som Servicedisk inte själv skapar ({detail}) och lämnas orörd. Kontakta IT.</source>
        <translation>The database on the server holds something Servicedisk does not make ({detail}) and is left untouched. Contact IT.</translation>
    </message>
    <message>
        <source>Filen {path} finns redan. Välj ett annat namn.</source>
        <translation>The file {path} exists already. Choose another name.</translation>
    </message>
    <message>
        <source>{name} går inte att skriva över (det är {target}). Välj ett annat namn. Inget sparades.</source>
        <translation>{name} cannot be overwritten (it is {target}). Choose another name. Nothing was saved.</translation>
    </message>
    <message>
        <source>Databasen innehåller ett annat programs tabeller. Inget har skrivits i den.</source>
        <translation>The database holds another program&apos;s tables. Nothing was written to it.</translation>
    </message>
    <message>
        <source>Databasen innehåller redan ett kontors uppgifter.</source>
        <translation>The database holds an office&apos;s records already.</translation>
    </message>
    <message>
        <source>Filen {path} finns redan.</source>
        <translation>The file {path} exists already.</translation>
    </message>
    <message>
        <source>Kopian stämmer inte med databasen. Försök igen eller kontakta IT.</source>
        <translation>The copy does not match the database. Try again or contact IT.</translation>
    </message>
    <message>
        <source>Kopians statistik stämmer inte med databasens. Försök igen eller kontakta IT.</source>
        <translation>The copy&apos;s statistics do not match the database&apos;s. Try again or contact IT.</translation>
    </message>
    <message>
        <source>Ingen mapp för kopior.</source>
        <translation>No folder for copies.</translation>
    </message>
    <message>
        <source>Filen {path} finns inte.</source>
        <translation>The file {path} does not exist.</translation>
    </message>
    <message>
        <source>Adressen ska se ut så här: postgresql+psycopg://användare@server/databas</source>
        <translation>The address looks like this: postgresql+psycopg://user@server/database</translation>
    </message>
    <message>
        <source>Skriv inte lösenordet i adressen. IT lägger det i datorns nyckelring.</source>
        <translation>Do not write the password in the address. IT puts it in the PC&apos;s keyring.</translation>
    </message>
    <message>
        <source>Det gick inte att ansluta till databasservern. Kontrollera adressen och nätverket, eller kontakta IT.</source>
        <translation>Could not connect to the database server. Check the address and the network, or contact IT.</translation>
    </message>
    <message>
        <source>Datorn saknar en mapp för data.</source>
        <translation>The PC has no folder for data.</translation>
    </message>
    <message>
        <source>Bokningsfilen från centralen skadades på vägen. Försök igen.</source>
        <translation>The booking file from the central office was damaged on the way. Try again.</translation>
    </message>
    <message>
        <source>Centralens bokningsfil för {day}: {problem} Inget har lästs in.</source>
        <translation>The central office&apos;s booking file for {day}: {problem} Nothing was imported.</translation>
    </message>
    <message>
        <source>Centralen skickade mer än en bokningsfil får rymma (5 MB).</source>
        <translation>The central office sent more than a booking file may hold (5 MB).</translation>
    </message>
    <message>
        <source>Centralens certifikat kunde inte kontrolleras. Kontrollera adressen för synk.</source>
        <translation>The central office&apos;s certificate could not be verified. Check the sync address.</translation>
    </message>
    <message>
        <source>Centralen gick inte att nå. Kontrollera nätverket och försök igen senare.</source>
        <translation>The central office could not be reached. Check the network and try again later.</translation>
    </message>
    <message>
        <source>Centralen har ingen bokningsfil för {day}.</source>
        <translation>The central office has no booking file for {day}.</translation>
    </message>
    <message>
        <source>Centralen godtog inte nyckeln. Kontrollera nyckeln för synk.</source>
        <translation>The central office did not accept the token. Check the sync token.</translation>
    </message>
    <message>
        <source>Centralen svarade HTTP {status}. Försök igen senare.</source>
        <translation>The central office answered HTTP {status}. Try again later.</translation>
    </message>
    <message>
        <source>Adressen för synk måste börja med https:// (http:// bara till den egna datorn).</source>
        <translation>The sync address must begin with https:// (http:// only to this PC).</translation>
    </message>
    <message>
        <source>Ingen mapp för nyckeln.</source>
        <translation>No folder for the token.</translation>
    </message>
    <message>
        <source>Kontorets kod får bara innehålla bokstäverna A–Z, siffror, &apos;-&apos;, &apos;_&apos; och &apos;.&apos; (högst 40 tecken).</source>
        <translation>The office code may hold only the letters A–Z, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 40 characters).</translation>
    </message>
    <message>
        <source>Fyll i {what}: det får inte vara tomt.</source>
        <translation>Fill in {what}: it must not be empty.</translation>
    </message>
    <message>
        <source>{What} får vara högst {limit} tecken långt.</source>
        <translation>{What} may be at most {limit} characters long.</translation>
    </message>
    <message>
        <source>{What} innehåller ett tecken som inte kan visas eller skrivas ut ({char}).</source>
        <translation>{What} holds a character that cannot be shown or printed ({char}).</translation>
    </message>
    <message>
        <source>Luckans nummer ska vara ett heltal från 1 till {max}.</source>
        <translation>A service point&apos;s number is a whole number from 1 to {max}.</translation>
    </message>
    <message>
        <source>Lucka {number} finns inte. Uppdatera listan och försök igen.</source>
        <translation>Service point {number} does not exist. Refresh the list and try again.</translation>
    </message>
    <message>
        <source>Nummer {number} har redan {name}. Välj ett annat nummer.</source>
        <translation>{name} has the number {number} already. Choose another number.</translation>
    </message>
    <message>
        <source>Nummer {number} har redan {name}. Den är ur bruk: återställ den i stället.</source>
        <translation>{name} has the number {number} already. It is retired: restore it instead.</translation>
    </message>
    <message>
        <source>En reserverad lucka håller sig ledig {low}–{high} minuter före en bokning.</source>
        <translation>A reserved service point keeps itself free {low}–{high} minutes before a booking.</translation>
    </message>
    <message>
        <source>Välj en ordning för uppropen i listan.</source>
        <translation>Choose an order for the calls in the list.</translation>
    </message>
    <message>
        <source>Arbetsprofilen: kö {letter} finns med två gånger.</source>
        <translation>The work profile: queue {letter} is in it twice.</translation>
    </message>
    <message>
        <source>Arbetsprofilen: kö {letter} finns inte bland köerna i bruk.</source>
        <translation>The work profile: queue {letter} is not among the queues in use.</translation>
    </message>
    <message>
        <source>{name} betjänar {code} just nu. Avsluta besöket först och ta sedan luckan ur bruk.</source>
        <translation>{name} is serving {code} just now. Finish the visit first and then retire the service point.</translation>
    </message>
    <message>
        <source>Kontoret behöver minst en lucka i bruk.</source>
        <translation>The office needs at least one service point in use.</translation>
    </message>
    <message>
        <source>Kön finns inte längre. Uppdatera listan och försök igen.</source>
        <translation>The queue no longer exists. Refresh the list and try again.</translation>
    </message>
    <message>
        <source>Köns bokstav ska vara en bokstav A–Z (utan å, ä, ö).</source>
        <translation>A queue&apos;s letter is one letter A–Z (without å, ä, ö).</translation>
    </message>
    <message>
        <source>Bokstaven {letter} används redan av kön {label}. Välj en annan bokstav.</source>
        <translation>The letter {letter} is used by the queue {label} already. Choose another letter.</translation>
    </message>
    <message>
        <source>Kö {letter} har {count} besökare som väntar eller betjänas i dag. Ta kön ur bruk när den är tom, eller flytta besökarna till en annan kö först.</source>
        <translation>Queue {letter} has {count} visitors waiting or being served today. Retire the queue when it is empty, or move the visitors to another queue first.</translation>
    </message>
    <message>
        <source>Kontoret behöver minst en kö i bruk. Lägg till en ny kö först.</source>
        <translation>The office needs at least one queue in use. Add a new queue first.</translation>
    </message>
    <message>
        <source>{point} betjänar bara kö {letter}. Ändra luckans arbetsprofil först.</source>
        <translation>{point} serves only queue {letter}. Change the service point&apos;s work profile first.</translation>
    </message>
    <message>
        <source>Kön {label} har ingen bokstav. Ge den en ledig bokstav med Ändra, och återställ den sedan.</source>
        <translation>The queue {label} has no letter. Give it a free letter with Change, and then restore it.</translation>
    </message>
    <message>
        <source>Kön {label} hör till {agency}, som är ur bruk. Återställ myndigheten, eller ta bort den från kön med Ändra, först.</source>
        <translation>The queue {label} belongs to {agency}, which is retired. Restore the agency, or remove it from the queue with Change, first.</translation>
    </message>
    <message>
        <source>Katalogen behöver minst en myndighet i bruk. Lägg till en ny först om du vill ta den här ur bruk.</source>
        <translation>The catalog needs at least one agency in use. Add a new one first if you want to retire this one.</translation>
    </message>
    <message>
        <source>Katalogen behöver minst ett utfall i bruk. Lägg till en ny först om du vill ta den här ur bruk.</source>
        <translation>The catalog needs at least one outcome in use. Add a new one first if you want to retire this one.</translation>
    </message>
    <message>
        <source>Katalogen behöver minst ett språk i bruk. Lägg till en ny först om du vill ta den här ur bruk.</source>
        <translation>The catalog needs at least one language in use. Add a new one first if you want to retire this one.</translation>
    </message>
    <message>
        <source>Katalogen behöver minst ett tolkval i bruk. Lägg till en ny först om du vill ta den här ur bruk.</source>
        <translation>The catalog needs at least one interpreter choice in use. Add a new one first if you want to retire this one.</translation>
    </message>
    <message>
        <source>{label} är förvalt språk för ärenden där inget annat väljs och kan inte tas ur bruk. Byt namn på posten om den ska visas annorlunda.</source>
        <translation>{label} is the default language for errands where nothing else is chosen and cannot be retired. Rename the entry if it should be shown differently.</translation>
    </message>
    <message>
        <source>{label} är förvalt tolkval för ärenden där inget annat väljs och kan inte tas ur bruk. Byt namn på posten om den ska visas annorlunda.</source>
        <translation>{label} is the default interpreter choice for errands where nothing else is chosen and cannot be retired. Rename the entry if it should be shown differently.</translation>
    </message>
    <message>
        <source>Okänd sorts post i katalogen.</source>
        <translation>Unknown kind of catalog entry.</translation>
    </message>
    <message>
        <source>Myndigheten {code} finns inte i katalogen. Uppdatera och försök igen.</source>
        <translation>The agency {code} is not in the catalog. Refresh and try again.</translation>
    </message>
    <message>
        <source>{Kind} {code} finns inte i katalogen. Uppdatera och försök igen.</source>
        <translation>{Kind} {code} is not in the catalog. Refresh and try again.</translation>
    </message>
    <message>
        <source>{label} hör till kö {queues}. Ta bort myndigheten från kön under Köer först.</source>
        <translation>{label} belongs to queue {queues}. Remove the agency from the queue under Queues first.</translation>
    </message>
    <message>
        <source>{label} är ur bruk. Återställ myndigheten först.</source>
        <translation>{label} is retired. Restore the agency first.</translation>
    </message>
    <message>
        <source>Koden {problem}.</source>
        <translation>The code {problem}.</translation>
    </message>
    <message>
        <source>Koden {code} finns redan. Välj en annan kod (eller återställ den gamla posten om den är ur bruk).</source>
        <translation>The code {code} exists already. Choose another code (or restore the old entry if it is retired).</translation>
    </message>
    <message>
        <source>Kiosken kan inte erbjuda språket {code}: det finns inga besökartexter på det språket.</source>
        <translation>The kiosk cannot offer the language {code}: there are no visitor texts in that language.</translation>
    </message>
    <message>
        <source>Kiosken kan erbjuda högst {limit} språk.</source>
        <translation>The kiosk can offer at most {limit} languages.</translation>
    </message>
    <message>
        <source>Öppettiderna på {day}: {value} är inte en tid (TT:MM).</source>
        <translation>Opening hours on {day}: {value} is not a time (HH:MM).</translation>
    </message>
    <message>
        <source>Öppettiderna på {day} ska vara par av tider.</source>
        <translation>Opening hours on {day} must be pairs of times.</translation>
    </message>
    <message>
        <source>Öppettiderna på {day}: högst {limit} pass per dag.</source>
        <translation>Opening hours on {day}: at most {limit} intervals a day.</translation>
    </message>
    <message>
        <source>Öppettiderna på {day}: varje pass har en start- och en sluttid.</source>
        <translation>Opening hours on {day}: each interval has a start and an end time.</translation>
    </message>
    <message>
        <source>Öppettiderna på {day}: {start}–{end} slutar innan det börjar. Rätta tiderna och spara igen.</source>
        <translation>Opening hours on {day}: {start}–{end} ends before it starts. Correct the times and save again.</translation>
    </message>
    <message>
        <source>Öppettiderna på {day}: passen överlappar varandra. Rätta tiderna och spara igen.</source>
        <translation>Opening hours on {day}: the intervals overlap. Correct the times and save again.</translation>
    </message>
    <message>
        <source>Öppettiderna: okänd veckodag {day}.</source>
        <translation>Opening hours: unknown weekday {day}.</translation>
    </message>
    <message>
        <source>Värdet för {field} ska vara ett heltal från {low} till {high}.</source>
        <translation>The value for {field} must be a whole number from {low} to {high}.</translation>
    </message>
    <message>
        <source>Säkerhetskopior får sparas högst lika länge som besöken gallras ({days} dagar), annars finns gallrade besök kvar i dem.</source>
        <translation>Backups may be kept at most as long as visits are kept ({days} days), or purged visits would remain in them.</translation>
    </message>
    <message>
        <source>får bara innehålla bokstäverna A–Z, siffror, bindestreck och understreck (högst 40 tecken), och aldrig sex siffror i följd</source>
        <translation>may hold only the letters A–Z, digits, hyphens and underscores (at most 40 characters), and never six digits in a row</translation>
    </message>
    <message>
        <source>ser ut som ett personnummer, ett datum eller ett telefonnummer (sex siffror eller fler i följd)</source>
        <translation>looks like a personal identity number, a date or a phone number (six digits or more in a row)</translation>
    </message>
    <message>
        <source>{where}: {text}</source>
        <translation>{where}: {text}</translation>
    </message>
    <message>
        <source>måste vara ett objekt</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>tomt objekt</source>
        <translation>empty object</translation>
    </message>
    <message>
        <source>okänt fält &apos;{name}&apos;</source>
        <translation>unknown field &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{key} saknas</source>
        <translation>{key} is missing</translation>
    </message>
    <message>
        <source>{key} måste vara en text</source>
        <translation>{key} must be a text</translation>
    </message>
    <message>
        <source>{key} är längre än 120 tecken</source>
        <translation>{key} is longer than 120 characters</translation>
    </message>
    <message>
        <source>{key} innehåller ett tecken som inte kan visas eller skrivas ut ({char})</source>
        <translation>{key} holds a character that cannot be shown or printed ({char})</translation>
    </message>
    <message>
        <source>koden {problem}</source>
        <translation>the code {problem}</translation>
    </message>
    <message>
        <source>koden &apos;{code}&apos; finns redan</source>
        <translation>the code &apos;{code}&apos; exists already</translation>
    </message>
    <message>
        <source>måste vara en lista</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>måste ha minst en post</source>
        <translation>must hold at least one entry</translation>
    </message>
    <message>
        <source>requires_referral måste vara true eller false</source>
        <translation>requires_referral must be true or false</translation>
    </message>
    <message>
        <source>katalogen måste vara ett JSON-objekt med &apos;format&apos; och &apos;version&apos;</source>
        <translation>the catalog must be a JSON object with &apos;format&apos; and &apos;version&apos;</translation>
    </message>
    <message>
        <source>måste vara &apos;{format}&apos;</source>
        <translation>must be &apos;{format}&apos;</translation>
    </message>
    <message>
        <source>måste vara {version}</source>
        <translation>must be {version}</translation>
    </message>
    <message>
        <source>okänd del</source>
        <translation>unknown section</translation>
    </message>
    <message>
        <source>kind måste vara en av {kinds}</source>
        <translation>kind must be one of {kinds}</translation>
    </message>
    <message>
        <source>måste behålla posten med koden &apos;{code}&apos; (standardvalet)</source>
        <translation>must keep the entry with the code &apos;{code}&apos; (the default)</translation>
    </message>
    <message>
        <source>letter måste vara en stor bokstav A–Z</source>
        <translation>letter must be one capital letter A–Z</translation>
    </message>
    <message>
        <source>bokstaven &apos;{letter}&apos; finns redan</source>
        <translation>the letter &apos;{letter}&apos; exists already</translation>
    </message>
    <message>
        <source>agencies måste vara en lista med myndighetskoder</source>
        <translation>agencies must be a list of agency codes</translation>
    </message>
    <message>
        <source>okänd myndighet &apos;{agency}&apos;</source>
        <translation>unknown agency &apos;{agency}&apos;</translation>
    </message>
    <message>
        <source>{path}: filen finns inte</source>
        <translation>{path}: the file does not exist</translation>
    </message>
    <message>
        <source>{path}: filen kan inte läsas ({error})</source>
        <translation>{path}: the file cannot be read ({error})</translation>
    </message>
    <message>
        <source>{path}: inte giltig JSON (rad {line}, kolumn {column})</source>
        <translation>{path}: not valid JSON (line {line}, column {column})</translation>
    </message>
    <message>
        <source>kö {letter} saknas i filen men {count} besökare väntar eller betjänas i den; importera när kön är tom</source>
        <translation>queue {letter} is missing from the file but {count} visitors wait or are served in it; import when the queue is empty</translation>
    </message>
    <message>
        <source>kö {letter} saknas i filen men {point} betjänar bara den kön; ändra luckans arbetsprofil först</source>
        <translation>queue {letter} is missing from the file but {point} serves only that queue; change the service point&apos;s work profile first</translation>
    </message>
    <message>
        <source>väntar</source>
        <translation>is waiting</translation>
    </message>
    <message>
        <source>är uppropad</source>
        <translation>is called</translation>
    </message>
    <message>
        <source>betjänas</source>
        <translation>is being served</translation>
    </message>
    <message>
        <source>är parkerad</source>
        <translation>is set aside</translation>
    </message>
    <message>
        <source>är klar</source>
        <translation>is done</translation>
    </message>
    <message>
        <source>uteblev</source>
        <translation>is a no-show</translation>
    </message>
    <message>
        <source>gick innan upprop</source>
        <translation>left before being called</translation>
    </message>
    <message>
        <source>är makulerad</source>
        <translation>is cancelled</translation>
    </message>
    <message>
        <source>stängdes obetjänad</source>
        <translation>was closed unserved</translation>
    </message>
    <message>
        <source>börja betjäna</source>
        <translation>start serving</translation>
    </message>
    <message>
        <source>markera som utebliven</source>
        <translation>mark as a no-show</translation>
    </message>
    <message>
        <source>ångra uteblivet för</source>
        <translation>undo the no-show of</translation>
    </message>
    <message>
        <source>lägga tillbaka i kön</source>
        <translation>return to the queue</translation>
    </message>
    <message>
        <source>ångra tillbaka i kön för</source>
        <translation>undo the return of</translation>
    </message>
    <message>
        <source>ta över</source>
        <translation>take over</translation>
    </message>
    <message>
        <source>parkera</source>
        <translation>set aside</translation>
    </message>
    <message>
        <source>markera som gått</source>
        <translation>mark as walked out</translation>
    </message>
    <message>
        <source>ångra gått för</source>
        <translation>undo walked out for</translation>
    </message>
    <message>
        <source>flytta</source>
        <translation>transfer</translation>
    </message>
    <message>
        <source>avsluta</source>
        <translation>finish</translation>
    </message>
    <message>
        <source>ropa upp</source>
        <translation>call</translation>
    </message>
    <message>
        <source>ropa upp igen</source>
        <translation>call again</translation>
    </message>
    <message>
        <source>makulera</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>skriva ut</source>
        <translation>print</translation>
    </message>
    <message>
        <source>kontorets namn</source>
        <translation>the office&apos;s name</translation>
    </message>
    <message>
        <source>namnet</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>engelska namnet</source>
        <translation>the English name</translation>
    </message>
    <message>
        <source>köns namn</source>
        <translation>the queue&apos;s name</translation>
    </message>
    <message>
        <source>köns engelska namn</source>
        <translation>the queue&apos;s English name</translation>
    </message>
    <message>
        <source>luckans namn</source>
        <translation>the service point&apos;s name</translation>
    </message>
    <message>
        <source>myndigheten</source>
        <translation>the agency</translation>
    </message>
    <message>
        <source>ärendetypen</source>
        <translation>the errand type</translation>
    </message>
    <message>
        <source>utfallet</source>
        <translation>the outcome</translation>
    </message>
    <message>
        <source>hänvisningsmålet</source>
        <translation>the referral target</translation>
    </message>
    <message>
        <source>språket</source>
        <translation>the language</translation>
    </message>
    <message>
        <source>tolkvalet</source>
        <translation>the interpreter choice</translation>
    </message>
    <message>
        <source>antal upprop innan uteblev</source>
        <translation>calls before a no-show</translation>
    </message>
    <message>
        <source>minsta tid mellan upprop (sekunder)</source>
        <translation>least time between calls (seconds)</translation>
    </message>
    <message>
        <source>förturslappar i följd</source>
        <translation>priority tickets in a row</translation>
    </message>
    <message>
        <source>gallringstid (dagar)</source>
        <translation>retention period (days)</translation>
    </message>
    <message>
        <source>hur länge säkerhetskopior sparas (dagar)</source>
        <translation>how long backups are kept (days)</translation>
    </message>
    <message>
        <source>gränsen för små tal</source>
        <translation>the limit for small numbers</translation>
    </message>
    <message>
        <source>automatisk låsning efter (minuter)</source>
        <translation>automatic lock after (minutes)</translation>
    </message>
    <message>
        <source>kortaste kod (tecken)</source>
        <translation>shortest PIN (characters)</translation>
    </message>
    <message>
        <source>kioskens stopp före stängning (minuter)</source>
        <translation>the kiosk&apos;s stop before closing (minutes)</translation>
    </message>
    <message>
        <source>kioskens återgång till början (sekunder)</source>
        <translation>the kiosk&apos;s return to the start (seconds)</translation>
    </message>
    <message>
        <source>högst antal väntande</source>
        <translation>most waiting at once</translation>
    </message>
    <message>
        <source>marginalen för bokade besök (minuter)</source>
        <translation>the margin for booked visits (minutes)</translation>
    </message>
    <message>
        <source>måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>lördag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>söndag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>reception</source>
        <translation>reception</translation>
    </message>
    <message>
        <source>handläggare</source>
        <translation>case worker</translation>
    </message>
    <message>
        <source>kontorschef</source>
        <translation>office manager</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <source>se kön</source>
        <translation>see the queue</translation>
    </message>
    <message>
        <source>dela ut eller ändra kölappar</source>
        <translation>issue or change tickets</translation>
    </message>
    <message>
        <source>dela ut kölappar i kiosken</source>
        <translation>issue tickets at the kiosk</translation>
    </message>
    <message>
        <source>läsa in dagens bokningar</source>
        <translation>take in today&apos;s bookings</translation>
    </message>
    <message>
        <source>ropa upp och betjäna besökare</source>
        <translation>call and serve visitors</translation>
    </message>
    <message>
        <source>registrera ärenden</source>
        <translation>log errands</translation>
    </message>
    <message>
        <source>rätta en tidigare dags ärenden</source>
        <translation>correct an earlier day&apos;s errands</translation>
    </message>
    <message>
        <source>se statistiken eller exportera den</source>
        <translation>see or export the statistics</translation>
    </message>
    <message>
        <source>ändra kontorets inställningar</source>
        <translation>change the office&apos;s settings</translation>
    </message>
    <message>
        <source>hantera personalens konton</source>
        <translation>manage the staff&apos;s accounts</translation>
    </message>
    <message>
        <source>säkerhetskopiera, återställa, gallra eller läsa loggen</source>
        <translation>back up, restore, purge or read the log</translation>
    </message>
    <message>
        <source>skicka statistiken till den centrala mottagaren</source>
        <translation>send the statistics to the central receiver</translation>
    </message>
    <message>
        <source>hänvisningen</source>
        <translation>the referral</translation>
    </message>
    <message>
        <source>en länk</source>
        <translation>a link</translation>
    </message>
    <message>
        <source>ingen vanlig fil</source>
        <translation>no ordinary file</translation>
    </message>
    <message>
        <source>en mapp</source>
        <translation>a folder</translation>
    </message>
    <message>
        <source>en fil, inte en mapp</source>
        <translation>a file, not a folder</translation>
    </message>
    <message>
        <source>Rad {line}: {text}. Inget har lästs in.</source>
        <translation>Line {line}: {text}. Nothing was imported.</translation>
    </message>
    <message>
        <source>myndigheten {agency} finns inte i katalogen</source>
        <translation>the agency {agency} is not in the catalog</translation>
    </message>
    <message>
        <source>ärendetypen {errand_type} finns inte hos {agency}</source>
        <translation>the errand type {errand_type} is not one of {agency}&apos;s</translation>
    </message>
    <message>
        <source>språket {language} finns inte i katalogen</source>
        <translation>the language {language} is not in the catalog</translation>
    </message>
    <message>
        <source>Myndigheten {code} finns inte bland myndigheterna i bruk.</source>
        <translation>The agency {code} is not among the agencies in use.</translation>
    </message>
</context>
<context>
    <name>RevisionWatcher</name>
    <message>
        <source>Kunde inte läsa kön från databasen. Försöker igen …</source>
        <translation>Could not read the queue from the database. Retrying …</translation>
    </message>
</context>
<context>
    <name>ServicePointView</name>
    <message>
        <source>Ropa nästa (F5)</source>
        <translation>Call next (F5)</translation>
    </message>
    <message>
        <source>Ropa nästa</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Ropa igen (F6)</source>
        <translation>Call again (F6)</translation>
    </message>
    <message>
        <source>Ropa igen</source>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Besökaren är här (F4)</source>
        <translation>Visitor is here (F4)</translation>
    </message>
    <message>
        <source>Besökaren har kommit fram</source>
        <translation>The visitor has arrived</translation>
    </message>
    <message>
        <source>Uteblev (F7)</source>
        <translation>No-show (F7)</translation>
    </message>
    <message>
        <source>Besökaren uteblev</source>
        <translation>The visitor did not show up</translation>
    </message>
    <message>
        <source>Flytta till kö … (F8)</source>
        <translation>Transfer to queue … (F8)</translation>
    </message>
    <message>
        <source>Flytta till annan kö</source>
        <translation>Transfer to another queue</translation>
    </message>
    <message>
        <source>Parkera (F9)</source>
        <translation>Park (F9)</translation>
    </message>
    <message>
        <source>Parkera besökaren</source>
        <translation>Park the visitor</translation>
    </message>
    <message>
        <source>Tillbaka i kön</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <source>Lägg tillbaka i kön</source>
        <translation>Put back in the queue</translation>
    </message>
    <message>
        <source>Avsluta och registrera ärenden (F10)</source>
        <translation>Finish and record errands (F10)</translation>
    </message>
    <message>
        <source>Avsluta och registrera ärenden</source>
        <translation>Finish and record errands</translation>
    </message>
    <message>
        <source>Kortkommando: {0}</source>
        <translation>Shortcut: {0}</translation>
    </message>
    <message>
        <source>Luckan du sitter vid. Datorn kommer ihåg valet.</source>
        <translation>The counter you sit at. The computer remembers the choice.</translation>
    </message>
    <message>
        <source>Dagens besök vid luckan, för att rätta eller lägga till ärenden.</source>
        <translation>Today&apos;s visits at the counter, to correct or add errands.</translation>
    </message>
    <message>
        <source>Ett ärende vid disken eller i telefon, utan kölapp.</source>
        <translation>An errand at the desk or by phone, without a ticket.</translation>
    </message>
    <message>
        <source>Tar tillbaka det du just gjorde med besökaren.</source>
        <translation>Undoes what you just did with the visitor.</translation>
    </message>
    <message>
        <source>Besökaren går tillbaka till sin plats i kön.</source>
        <translation>The visitor goes back to their place in the queue.</translation>
    </message>
    <message>
        <source>Du tar över besökaren som kollegan ropade upp.</source>
        <translation>You take over the visitor your colleague called.</translation>
    </message>
    <message>
        <source>Välj en väntande kölapp att ropa upp före sin tur.</source>
        <translation>Choose a waiting ticket to call before its turn.</translation>
    </message>
    <message>
        <source>Ropar upp den valda kölappen nu.</source>
        <translation>Calls the selected ticket now.</translation>
    </message>
    <message>
        <source>Parkerade besökare. Välj med piltangenterna; Enter ropar upp.</source>
        <translation>Parked visitors. Choose with the arrow keys; Enter calls.</translation>
    </message>
    <message>
        <source>Ropar upp den valda parkerade besökaren igen.</source>
        <translation>Calls the selected parked visitor again.</translation>
    </message>
    <message>
        <source>Ta över besökaren</source>
        <translation>Take over the visitor</translation>
    </message>
    <message>
        <source>{0} (köer {1}, reserverad för bokade besök)</source>
        <translation>{0} (queues {1}, reserved for booked visits)</translation>
    </message>
    <message>
        <source>{0} (köer {1})</source>
        <translation>{0} (queues {1})</translation>
    </message>
    <message>
        <source>L&amp;ucka:</source>
        <translation>Co&amp;unter:</translation>
    </message>
    <message>
        <source>Vilken lucka du sitter vid</source>
        <translation>Which counter you sit at</translation>
    </message>
    <message>
        <source>Välj lucka …</source>
        <translation>Choose counter …</translation>
    </message>
    <message>
        <source>Ärende utan kölapp …</source>
        <translation>Errand without ticket …</translation>
    </message>
    <message>
        <source>Registrera ärende utan kölapp, vid disk eller telefon</source>
        <translation>Record an errand without a ticket, at the desk or by phone</translation>
    </message>
    <message>
        <source>Dagens besök …</source>
        <translation>Today&apos;s visits …</translation>
    </message>
    <message>
        <source>Dagens besök: rätta eller lägg till ärenden</source>
        <translation>Today&apos;s visits: correct or add errands</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Ångra (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Ångra det du just gjorde med besökaren</source>
        <translation>Undo what you just did with the visitor</translation>
    </message>
    <message>
        <source>Du har tagit över {0}.</source>
        <translation>You have taken over {0}.</translation>
    </message>
    <message>
        <source>Välj vilken lucka du sitter vid.</source>
        <translation>Choose which counter you sit at.</translation>
    </message>
    <message>
        <source>{0} ropas upp till {1}.</source>
        <translation>{0} is called to {1}.</translation>
    </message>
    <message>
        <source>{0} är här. Du betjänar besökaren nu.</source>
        <translation>{0} is here. You are serving the visitor now.</translation>
    </message>
    <message>
        <source>{0} ropas upp igen ({1}).</source>
        <translation>{0} is called again ({1}).</translation>
    </message>
    <message>
        <source>{0} är markerad som utebliven. Fel? Tryck Ångra (Ctrl+Z).</source>
        <translation>{0} is marked as a no-show. Wrong? Press Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <source>{0} är inte längre tillbaka i kön och står kvar hos dig.</source>
        <translation>{0} is no longer back in the queue and stays with you.</translation>
    </message>
    <message>
        <source>{0} är inte längre utebliven och står kvar hos dig.</source>
        <translation>{0} is no longer a no-show and stays with you.</translation>
    </message>
    <message>
        <source>{0} är parkerad. Ropa upp den igen under Parkerade.</source>
        <translation>{0} is parked. Call it again under Parked.</translation>
    </message>
    <message>
        <source>{0} är tillbaka i kö {1} på sin gamla plats. Fel? Tryck Ångra (Ctrl+Z).</source>
        <translation>{0} is back in queue {1} in its old place. Wrong? Press Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <source>&amp;{0}  {1} ({2} väntar)</source>
        <translation>&amp;{0}  {1} ({2} waiting)</translation>
    </message>
    <message>
        <source>{0} är flyttad till kö {1}.</source>
        <translation>{0} has been transferred to queue {1}.</translation>
    </message>
</context>
<context>
    <name>ServingModel</name>
    <message>
        <source>Lucka</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Ångra än&amp;dringar</source>
        <translation>Undo chan&amp;ges</translation>
    </message>
    <message>
        <source>Visar det sparade igen; det du ändrat försvinner.</source>
        <translation>Shows what is saved again; your changes are discarded.</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>Sav&amp;e</translation>
    </message>
    <message>
        <source>Sparar alla ändringar på sidan.</source>
        <translation>Saves all changes on the page.</translation>
    </message>
    <message>
        <source>Ändringen kunde inte sparas: databasen svarade inte. Inget är ändrat. Försök igen om en stund.</source>
        <translation>The change could not be saved: the database did not respond. Nothing has changed. Try again in a moment.</translation>
    </message>
    <message>
        <source>Inställningarna kunde inte läsas: databasen svarade inte. Försök igen.</source>
        <translation>The settings could not be read: the database did not respond. Try again.</translation>
    </message>
    <message>
        <source>Öppnar ett fönster för att lägga till en ny.</source>
        <translation>Opens a window to add a new one.</translation>
    </message>
    <message>
        <source>&amp;Ändra…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Ändrar den valda raden.</source>
        <translation>Edits the selected row.</translation>
    </message>
    <message>
        <source>Ta &amp;ur bruk</source>
        <translation>Ret&amp;ire</translation>
    </message>
    <message>
        <source>Den valda syns inte längre i arbetet; statistiken finns kvar.</source>
        <translation>The selected one is no longer shown at work; the statistics are kept.</translation>
    </message>
    <message>
        <source>Åter&amp;ställ</source>
        <translation>Rest&amp;ore</translation>
    </message>
    <message>
        <source>Tar den valda i bruk igen.</source>
        <translation>Brings the selected one back into use.</translation>
    </message>
    <message>
        <source>Välj en rad med piltangenterna; Enter ändrar den.</source>
        <translation>Choose a row with the arrow keys; Enter edits it.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Byt avsnitt med piltangenterna, eller Ctrl+Tab var du än är på sidan.</source>
        <translation>Switch section with the arrow keys, or Ctrl+Tab wherever you are on the page.</translation>
    </message>
    <message>
        <source>Avsnitt i inställningarna</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <source>Kontoret</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Namn, öppettider, upprop, gallring.</source>
        <translation>Name, opening hours, calls, purging.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Kioskens språk och regler.</source>
        <translation>The kiosk&apos;s languages and rules.</translation>
    </message>
    <message>
        <source>Bokningar</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Dagens bokningar, marginalen.</source>
        <translation>Today&apos;s bookings, the margin.</translation>
    </message>
    <message>
        <source>Köer</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Köerna och deras myndigheter.</source>
        <translation>The queues and their agencies.</translation>
    </message>
    <message>
        <source>Luckor</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Luckorna och köerna de tar.</source>
        <translation>The counters and the queues they take.</translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Myndigheter, ärenden, utfall.</source>
        <translation>Agencies, errands, outcomes.</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Ta en kopia, återställ en.</source>
        <translation>Take a backup, restore one.</translation>
    </message>
    <message>
        <source>Synk</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Mottagaren av dagens summor.</source>
        <translation>The receiver of the daily totals.</translation>
    </message>
    <message>
        <source>Databas</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Databasen som datorn arbetar i.</source>
        <translation>The database this computer works in.</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Personalens konton och roller.</source>
        <translation>Staff accounts and roles.</translation>
    </message>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Vem som gjorde vad och när.</source>
        <translation>Who did what and when.</translation>
    </message>
    <message>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Fel</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Sparar och stänger fönstret.</source>
        <translation>Saves and closes the window.</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stänger utan att spara.</source>
        <translation>Closes without saving.</translation>
    </message>
</context>
<context>
    <name>SetupRowsModel</name>
    <message>
        <source>I bruk</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Ur bruk</source>
        <translation>Retired</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>Servicedisk</source>
        <translation>Servicedisk</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Logga in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Logga in med ditt användarnamn och din personliga kod.</source>
        <translation>Sign in with your user name and your personal PIN.</translation>
    </message>
    <message>
        <source>Ditt användarnamn. Enter går vidare till koden.</source>
        <translation>Your user name. Enter moves on to the PIN.</translation>
    </message>
    <message>
        <source>Din personliga kod. Enter loggar in.</source>
        <translation>Your personal PIN. Enter signs in.</translation>
    </message>
    <message>
        <source>Loggar in med användarnamnet och koden.</source>
        <translation>Signs in with the user name and PIN.</translation>
    </message>
    <message>
        <source>Fortsätt som {0}</source>
        <translation>Continue as {0}</translation>
    </message>
    <message>
        <source>Fyller i {0} som användarnamn, så att du bara skriver koden.</source>
        <translation>Fills in {0} as the user name, so you only type the PIN.</translation>
    </message>
    <message>
        <source>Fyll i användarnamn och kod.</source>
        <translation>Fill in user name and PIN.</translation>
    </message>
    <message>
        <source>Loggar in …</source>
        <translation>Signing in …</translation>
    </message>
    <message>
        <source>Inloggningen misslyckades. Försök igen.</source>
        <translation>Sign-in failed. Try again.</translation>
    </message>
</context>
<context>
    <name>SpecificPanel</name>
    <message>
        <source>Ropa upp en viss kölapp</source>
        <translation>Call a specific ticket</translation>
    </message>
    <message>
        <source>Väntande kölapp att ropa upp</source>
        <translation>Waiting ticket to call</translation>
    </message>
    <message>
        <source>Ingen väntar</source>
        <translation>No one waiting</translation>
    </message>
    <message>
        <source>Ropa upp vald</source>
        <translation>Call selected</translation>
    </message>
    <message>
        <source>Ropa upp vald kölapp före sin tur</source>
        <translation>Call the selected ticket before its turn</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Spärrad till {0}</source>
        <translation>Locked until {0}</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Avstängd</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Det gick inte att spara: databasen svarade inte. Försök igen om en stund.</source>
        <translation>Could not save: the database did not respond. Try again in a moment.</translation>
    </message>
    <message>
        <source>Var och en loggar in med sitt eget användarnamn och sin egen kod. Rollen avgör vad man får göra: reception delar ut kölappar, handläggare betjänar och registrerar ärenden, kontorschefen ser statistiken och ändrar inställningar.</source>
        <translation>Everyone signs in with their own user name and their own PIN. The role decides what they may do: reception issues tickets, case workers serve visitors and record errands, the office manager sees the statistics and changes settings.</translation>
    </message>
    <message>
        <source>Personalens konton</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <source>Välj ett konto; fälten under visar det.</source>
        <translation>Choose an account; the fields below show it.</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Upprepa koden</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <source>Det personen loggar in med.</source>
        <translation>What the person signs in with.</translation>
    </message>
    <message>
        <source>För- och efternamn, som de syns i statistiken.</source>
        <translation>First name and surname, as shown in the statistics.</translation>
    </message>
    <message>
        <source>Vad personen får göra: reception, handläggare eller chef.</source>
        <translation>What the person may do: reception, case worker or manager.</translation>
    </message>
    <message>
        <source>En första kod; personen väljer en egen vid inloggningen.</source>
        <translation>A first PIN; the person chooses their own at sign-in.</translation>
    </message>
    <message>
        <source>Samma kod en gång till.</source>
        <translation>The same PIN once more.</translation>
    </message>
    <message>
        <source>Användar&amp;namn:</source>
        <translation>User &amp;name:</translation>
    </message>
    <message>
        <source>N&amp;amn:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>R&amp;oll:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>&amp;Kod:</source>
        <translation>P&amp;IN:</translation>
    </message>
    <message>
        <source>&amp;Upprepa koden:</source>
        <translation>Repeat t&amp;he PIN:</translation>
    </message>
    <message>
        <source>Lä&amp;gg till</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Skapar kontot.</source>
        <translation>Creates the account.</translation>
    </message>
    <message>
        <source>&amp;Byt roll</source>
        <translation>Chan&amp;ge role</translation>
    </message>
    <message>
        <source>Ger det valda kontot rollen i fältet Roll.</source>
        <translation>Gives the selected account the role in the Role field.</translation>
    </message>
    <message>
        <source>Ny ko&amp;d</source>
        <translation>New P&amp;IN</translation>
    </message>
    <message>
        <source>Ger det valda kontot koden i fälten; personen väljer en egen sedan.</source>
        <translation>Gives the selected account the PIN in the fields; the person then chooses their own.</translation>
    </message>
    <message>
        <source>&amp;Stäng av</source>
        <translation>Disa&amp;ble</translation>
    </message>
    <message>
        <source>Det valda kontot kan inte logga in förrän det öppnas igen.</source>
        <translation>The selected account cannot sign in until it is enabled again.</translation>
    </message>
    <message>
        <source>Ö&amp;ppna igen</source>
        <translation>&amp;Enable again</translation>
    </message>
    <message>
        <source>Det valda kontot kan logga in igen.</source>
        <translation>The selected account can sign in again.</translation>
    </message>
    <message>
        <source>{0} har lagts till som {1}.</source>
        <translation>{0} has been added as {1}.</translation>
    </message>
    <message>
        <source>{0} är nu {1}.</source>
        <translation>{0} is now {1}.</translation>
    </message>
    <message>
        <source>{0} har fått en ny kod.</source>
        <translation>{0} has been given a new PIN.</translation>
    </message>
    <message>
        <source>{0} kan logga in igen.</source>
        <translation>{0} can sign in again.</translation>
    </message>
    <message>
        <source>{0} är avstängd och kan inte logga in.</source>
        <translation>{0} is disabled and cannot sign in.</translation>
    </message>
</context>
<context>
    <name>StaffingPage</name>
    <message>
        <source>Dag i bemanningen</source>
        <translation>Day in the staffing</translation>
    </message>
    <message>
        <source>Dagen som diagrammet och tabellen visar.</source>
        <translation>The day the chart and table show.</translation>
    </message>
    <message>
        <source>&amp;Dag:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>Alla dagar i perioden</source>
        <translation>All days in the period</translation>
    </message>
    <message>
        <source>Visar {0}: luckor som behövs för att ropa upp {1} % inom {2} min (staplar; Erlang C, från samma veckodag de åtta veckorna före) mot bemannade luckor (linje; för en dag som inte har kommit än: samma veckodag senast).</source>
        <translation>Showing {0}: counters needed to call {1}% within {2} min (bars; Erlang C, from the same weekday in the eight weeks before) against staffed counters (line; for a day still to come: the same weekday last time).</translation>
    </message>
    <message>
        <source>Visar {0}: kontoret har inga öppettider i perioden.</source>
        <translation>Showing {0}: the office has no opening hours in the period.</translation>
    </message>
    <message>
        <source>Välj Nästa vecka för att planera framåt.</source>
        <translation>Choose Next week to plan ahead.</translation>
    </message>
    <message>
        <source>Bemannade luckor</source>
        <translation>Staffed counters</translation>
    </message>
    <message>
        <source>Bemannade luckor {0}</source>
        <translation>Staffed counters {0}</translation>
    </message>
    <message>
        <source>Luckor som behövs</source>
        <translation>Counters needed</translation>
    </message>
    <message>
        <source>Luckor</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Timme, {0}</source>
        <translation>Hour, {0}</translation>
    </message>
    <message>
        <source>Bemannad tid</source>
        <translation>Staffed time</translation>
    </message>
    <message>
        <source>Bemannad tid samma veckodag senast</source>
        <translation>Staffed time same weekday last time</translation>
    </message>
    <message>
        <source>Behövd tid</source>
        <translation>Time needed</translation>
    </message>
    <message>
        <source>Timmar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
</context>
<context>
    <name>StaleNotice</name>
    <message>
        <source>Kön kunde inte läsas från databasen. Försöker igen …</source>
        <translation>The queue could not be read from the database. Retrying …</translation>
    </message>
    <message>
        <source>Kön kunde inte läsas från databasen. Listan visar läget kl. {0}. Försöker igen …</source>
        <translation>The queue could not be read from the database. The list shows the state at {0}. Retrying …</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>I går</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Den här veckan</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Förra veckan</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>Denna månad</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Förra månaden</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Senaste 30 dagarna</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>I år</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Nästa vecka</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Eget intervall</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Vi&amp;sa</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>Räknar fram siffrorna för perioden.</source>
        <translation>Calculates the figures for the period.</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Periodens första dag, år-månad-dag.</source>
        <translation>The first day of the period, year-month-day.</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Periodens sista dag, år-månad-dag.</source>
        <translation>The last day of the period, year-month-day.</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>En färdig period, eller Eget intervall med datumen bredvid.</source>
        <translation>A ready-made period, or Custom range with the dates beside it.</translation>
    </message>
    <message>
        <source>från</source>
        <translation>from</translation>
    </message>
    <message>
        <source>till</source>
        <translation>until</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriod:</translation>
    </message>
    <message>
        <source>Exportera:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>CSV …</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <source>Exportera CSV för skript</source>
        <translation>Export CSV for scripts</translation>
    </message>
    <message>
        <source>En mapp med en fil per tabell: kommatecken, engelska kolumnnamn.</source>
        <translation>A folder with one file per table: commas, English column names.</translation>
    </message>
    <message>
        <source>CSV för Excel …</source>
        <translation>CSV for Excel …</translation>
    </message>
    <message>
        <source>Exportera CSV för Excel</source>
        <translation>Export CSV for Excel</translation>
    </message>
    <message>
        <source>En mapp med en fil per tabell: semikolon, decimalkomma, svenska rubriker.</source>
        <translation>A folder with one file per table: semicolons, decimal commas, Swedish headings.</translation>
    </message>
    <message>
        <source>Excel …</source>
        <translation>Excel …</translation>
    </message>
    <message>
        <source>Exportera Excel-arbetsbok</source>
        <translation>Export Excel workbook</translation>
    </message>
    <message>
        <source>En arbetsbok med ett blad per tabell, klar att skriva ut.</source>
        <translation>A workbook with one sheet per table, ready to print.</translation>
    </message>
    <message>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <source>Exportera PDF-rapport</source>
        <translation>Export PDF report</translation>
    </message>
    <message>
        <source>En A4-sida.</source>
        <translation>One A4 page.</translation>
    </message>
    <message>
        <source>Perioden slutar innan den börjar. Välj om datumen.</source>
        <translation>The period ends before it starts. Choose the dates again.</translation>
    </message>
    <message>
        <source>Räknar …</source>
        <translation>Calculating …</translation>
    </message>
    <message>
        <source>Statistiken kunde inte räknas fram. Försök igen.</source>
        <translation>The statistics could not be calculated. Try again.</translation>
    </message>
    <message>
        <source>{0} – {1}: {2} besökare, {3} betjänade, väntetid median {4}.</source>
        <translation>{0} – {1}: {2} visitors, {3} served, median wait {4}.</translation>
    </message>
    <message>
        <source>{0} – {1} har inte börjat: Bemanning visar vad dagarna behöver.</source>
        <translation>{0} – {1} has not started: Staffing shows what the days need.</translation>
    </message>
    <message>
        <source>Exportera statistiken</source>
        <translation>Export the statistics</translation>
    </message>
    <message>
        <source>Exporterar …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <source>Exporterad till {0}.</source>
        <translation>Exported to {0}.</translation>
    </message>
    <message>
        <source>Exporten kunde inte sparas där (behörighet eller full disk). Välj en annan plats.</source>
        <translation>The export could not be saved there (permissions or full disk). Choose another place.</translation>
    </message>
    <message>
        <source>Mapp för CSV-filerna (*)</source>
        <translation>Folder for the CSV files (*)</translation>
    </message>
    <message>
        <source>Uppropade inom {threshold} min (%)</source>
        <translation>Called within {threshold} min (%)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Mottagare</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Adress till mottagaren</source>
        <translation>Receiver address</translation>
    </message>
    <message>
        <source>Webbadressen som dagens summor skickas till, https://…</source>
        <translation>The web address the daily totals are sent to, https://…</translation>
    </message>
    <message>
        <source>Kontorets kod</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>Koden som mottagaren känner kontoret under.</source>
        <translation>The code the receiver knows the office by.</translation>
    </message>
    <message>
        <source>Nyckel (token)</source>
        <translation>Key (token)</translation>
    </message>
    <message>
        <source>Nyckeln från mottagaren. Lämna tom för att behålla den sparade.</source>
        <translation>The key from the receiver. Leave empty to keep the saved one.</translation>
    </message>
    <message>
        <source>oförändrad</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>&amp;Adress:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Kontorets kod:</source>
        <translation>&amp;Office code:</translation>
    </message>
    <message>
        <source>&amp;Nyckel:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>Sav&amp;e</translation>
    </message>
    <message>
        <source>Sparar mottagarens uppgifter.</source>
        <translation>Saves the receiver&apos;s details.</translation>
    </message>
    <message>
        <source>Synka n&amp;u</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>Skickar de dagar som inte har skickats, nu.</source>
        <translation>Sends the days not yet sent, now.</translation>
    </message>
    <message>
        <source>Synkloggen</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <source>De senaste försöken att skicka, nyast först.</source>
        <translation>The latest attempts to send, newest first.</translation>
    </message>
    <message>
        <source>Varje dags sammanställning skickas till den centrala mottagaren, bara summor: inga uppgifter om besökare och inga siffror per handläggare.</source>
        <translation>Each day&apos;s summary is sent to the central receiver, totals only: no information about visitors and no figures per case worker.</translation>
    </message>
    <message>
        <source>Senast mottaget {0}.</source>
        <translation>Last received {0}.</translation>
    </message>
    <message>
        <source>Inget skickat ännu.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <source>{0} dagar väntar på att skickas.</source>
        <translation>{0} days waiting to be sent.</translation>
    </message>
    <message>
        <source>Inställningarna för synk är sparade.</source>
        <translation>The sync settings have been saved.</translation>
    </message>
    <message>
        <source>Synk körs inte i det här fönstret.</source>
        <translation>Sync does not run in this window.</translation>
    </message>
    <message>
        <source>Synkar …</source>
        <translation>Syncing …</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Synk: fel – se loggen</source>
        <translation>Sync: error – see the log</translation>
    </message>
    <message>
        <source>1 dag väntar</source>
        <translation>1 day waiting</translation>
    </message>
    <message>
        <source>{0} dagar väntar</source>
        <translation>{0} days waiting</translation>
    </message>
    <message>
        <source>Synk: inte inställd</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <source>Synk: ett annat program skickar</source>
        <translation>Sync: another program is sending</translation>
    </message>
    <message>
        <source>Synk: fel – {0}</source>
        <translation>Sync: error – {0}</translation>
    </message>
    <message>
        <source>Synk: offline</source>
        <translation>Sync: offline</translation>
    </message>
    <message>
        <source>Synk: online</source>
        <translation>Sync: online</translation>
    </message>
    <message>
        <source>senast {0}</source>
        <translation>last {0}</translation>
    </message>
</context>
<context>
    <name>TellButton</name>
    <message>
        <source>Läs upp</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Läs upp vald kölapps plats i kön för besökaren</source>
        <translation>Read the selected ticket&apos;s place in the queue aloud for the visitor</translation>
    </message>
    <message>
        <source>Säger numret, hur många som är före och väntetiden, på besökarens språk.</source>
        <translation>Says the number, how many are ahead and the wait, in the visitor&apos;s language.</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <source>under 1 min</source>
        <translation>under 1 min</translation>
    </message>
    <message>
        <source>bokad {0}</source>
        <translation>booked {0}</translation>
    </message>
    <message>
        <source>bokad, från {0}</source>
        <translation>booked, from {0}</translation>
    </message>
    <message>
        <source>förtur</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>Lapp</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Kö</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Väntade</source>
        <translation>Waited</translation>
    </message>
    <message>
        <source>{0}, kö {1}{2}{3}, väntade {4}</source>
        <translation>{0}, queue {1}{2}{3}, waited {4}</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Väntar nu</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <source>Längsta väntan nu</source>
        <translation>Longest wait now</translation>
    </message>
    <message>
        <source>Betjänade</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Väntetid, median</source>
        <translation>Waiting time, median</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>VisitsDialog</name>
    <message>
        <source>Besök och rättelser</source>
        <translation>Visits and corrections</translation>
    </message>
    <message>
        <source>Vilken dag</source>
        <translation>Which day</translation>
    </message>
    <message>
        <source>Dagen vars avslutade besök visas.</source>
        <translation>The day whose finished visits are shown.</translation>
    </message>
    <message>
        <source>&amp;Dag:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Dagens avslutade besök; välj ett och rätta det.</source>
        <translation>The day's finished visits; choose one to correct it.</translation>
    </message>
    <message>
        <source>&amp;Rätta valt besök …</source>
        <translation>&amp;Correct selected visit …</translation>
    </message>
    <message>
        <source>Öppnar besökets ärenden för rättelse.</source>
        <translation>Opens the visit's errands for correction.</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stänger listan.</source>
        <translation>Closes the list.</translation>
    </message>
    <message>
        <source>Dina besök i dag</source>
        <translation>Your visits today</translation>
    </message>
    <message>
        <source>Inga avslutade besök den dagen.</source>
        <translation>No finished visits that day.</translation>
    </message>
    <message>
        <source>Rätta besöket {0} ({1} {2})</source>
        <translation>Correct visit {0} ({1} {2})</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <source>Vid disk</source>
        <translation>At the desk</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kölapp</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Lucka</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Handläggare</source>
        <translation>Case worker</translation>
    </message>
    <message>
        <source>Ärenden</source>
        <translation>Errands</translation>
    </message>
    <message>
        <source>Inga ärenden</source>
        <translation>No errands</translation>
    </message>
    <message>
        <source> (rättad)</source>
        <translation> (corrected)</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kö</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Bokad</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Väntat</source>
        <translation>Waited</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>reception</source>
        <translation>reception</translation>
    </message>
    <message>
        <source>handläggare</source>
        <translation>case worker</translation>
    </message>
    <message>
        <source>kontorschef</source>
        <translation>office manager</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <source>Inloggning</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Misslyckad inloggning</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>Spärrad efter för många försök</source>
        <translation>Locked after too many attempts</translation>
    </message>
    <message>
        <source>Personalkonto</source>
        <translation>Staff account</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Rättelse av ärende</source>
        <translation>Correction of an errand</translation>
    </message>
    <message>
        <source>Gallring</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Säkerhetskopia</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Återställning</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>bookings</name>
    <message>
        <source>Bokningar (*.csv *.ics *.txt);;Alla filer (*)</source>
        <translation>Bookings (*.csv *.ics *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Bokningarna är inlästa. Inget ändrades: filen var redan inläst.</source>
        <translation>The bookings have been imported. Nothing changed: the file had already been imported.</translation>
    </message>
    <message>
        <source>{0} ny</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <source>{0} nya</source>
        <translation>{0} new</translation>
    </message>
    <message>
        <source>{0} ändrad</source>
        <translation>{0} changed</translation>
    </message>
    <message>
        <source>{0} ändrade</source>
        <translation>{0} changed</translation>
    </message>
    <message>
        <source>{0} avbokad</source>
        <translation>{0} cancelled</translation>
    </message>
    <message>
        <source>{0} avbokade</source>
        <translation>{0} cancelled</translation>
    </message>
    <message>
        <source>Bokningarna är inlästa: {0}.</source>
        <translation>The bookings have been imported: {0}.</translation>
    </message>
</context>
<context>
    <name>day_list</name>
    <message>
        <source>Incheckad {0}</source>
        <translation>Checked in {0}</translation>
    </message>
    <message>
        <source>Bokad</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Avbokad</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Inga bokningar i dag. Läs in dagens fil från bokningssystemet.</source>
        <translation>No bookings today. Import today&apos;s file from the booking system.</translation>
    </message>
    <message>
        <source>{0} incheckad</source>
        <translation>{0} checked in</translation>
    </message>
    <message>
        <source>{0} incheckade</source>
        <translation>{0} checked in</translation>
    </message>
    <message>
        <source>{0} avbokad</source>
        <translation>{0} cancelled</translation>
    </message>
    <message>
        <source>{0} avbokade</source>
        <translation>{0} cancelled</translation>
    </message>
    <message>
        <source>{0} uteblev</source>
        <translation>{0} no-shows</translation>
    </message>
    <message>
        <source>{0} bokning i dag</source>
        <translation>{0} booking today</translation>
    </message>
    <message>
        <source>{0} bokningar i dag</source>
        <translation>{0} bookings today</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Det gick inte att spara i databasen. Inget ändrades. Försök igen om en stund, eller kontakta IT om felet kvarstår.</source>
        <translation>Could not save to the database. Nothing changed. Try again in a moment, or contact IT if the error persists.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>oväntat fel vid utskriften</source>
        <translation>unexpected error while printing</translation>
    </message>
    <message>
        <source>skrivaren {0} finns inte</source>
        <translation>the printer {0} does not exist</translation>
    </message>
    <message>
        <source>skrivaren gick inte att öppna</source>
        <translation>the printer could not be opened</translation>
    </message>
    <message>
        <source>skrivaren rapporterade ett fel</source>
        <translation>the printer reported an error</translation>
    </message>
    <message>
        <source>sparad som PDF</source>
        <translation>saved as PDF</translation>
    </message>
    <message>
        <source>utskriven på {0}</source>
        <translation>printed on {0}</translation>
    </message>
</context>
<context>
    <name>queue_models</name>
    <message>
        <source>Utskriven</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Misslyckades</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Ingen bokad tid</source>
        <translation>No booked time</translation>
    </message>
    <message>
        <source>Bokad {0}</source>
        <translation>Booked {0}</translation>
    </message>
    <message>
        <source>Bokad</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>reception</name>
    <message>
        <source>Kontoret har stängt för i dag (stängde {0}) – nya hinner kanske inte betjänas.</source>
        <translation>The office has closed for today (closed {0}) – new visitors may not be served.</translation>
    </message>
    <message>
        <source>Paus – öppnar igen {0}.</source>
        <translation>Break – opens again {0}.</translation>
    </message>
    <message>
        <source>{0} ca {1} min</source>
        <translation>{0} about {1} min</translation>
    </message>
    <message>
        <source>Stänger {0} – nya besökare hinner kanske inte: {1}.</source>
        <translation>Closes {0} – new visitors may not be served: {1}.</translation>
    </message>
</context>
<context>
    <name>store_failed</name>
    <message>
        <source>Databasen kunde inte öppnas.</source>
        <translation>The database could not be opened.</translation>
    </message>
    <message>
        <source>Den senaste hela säkerhetskopian är från {0} ({1}).</source>
        <translation>The latest complete backup is from {0} ({1}).</translation>
    </message>
    <message>
        <source>Om du återställer den flyttas den nuvarande filen undan (den raderas inte), och det som registrerades efter {0} kommer att saknas.</source>
        <translation>If you restore it, the current file is moved aside (not deleted), and whatever was recorded after {0} will be missing.</translation>
    </message>
    <message>
        <source>Det finns ingen säkerhetskopia att återställa. Kontakta IT.</source>
        <translation>There is no backup to restore. Contact IT.</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Återställ säkerhetskopian</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <source>Öppna en annan databas …</source>
        <translation>Open another database …</translation>
    </message>
    <message>
        <source>Öppna en annan databas</source>
        <translation>Open another database</translation>
    </message>
    <message>
        <source>Servicedisk-databas (*.sqlite3);;Alla filer (*)</source>
        <translation>Servicedisk database (*.sqlite3);;All files (*)</translation>
    </message>
</context>
</TS>
