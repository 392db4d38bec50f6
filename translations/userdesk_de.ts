<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk Edit</source>
        <translation>Massenbearbeitung</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Feld:</translation>
    </message>
    <message>
        <source>Field to set</source>
        <translation>Zu setzendes Feld</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;Neuer Wert:</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;Choose File…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Spalten der Datei</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Zu importierende Zeilen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;What to import:</source>
        <translation>Wa&amp;s importieren:</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>UserDesk</source>
        <translation>UserDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the users from the server (F5)</source>
        <translation>Benutzer neu vom Server laden (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Create a user (Ctrl+N)</source>
        <translation>Einen Benutzer anlegen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected user (F2 or Enter)</source>
        <translation>Den ausgewählten Benutzer bearbeiten (F2 oder Enter)</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected users (Del)</source>
        <translation>Die ausgewählten Benutzer löschen (Del)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Filter users by name (Ctrl+F)</source>
        <translation>Benutzer nach Namen filtern (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Profiles, tokens and connection settings (Ctrl+,)</source>
        <translation>Profile, Token und Verbindungseinstellungen (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About UserDesk</source>
        <translation>&amp;Über UserDesk</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Save the users as CSV</source>
        <translation>Die Benutzer als CSV speichern</translation>
    </message>
    <message>
        <source>Save the users as JSON</source>
        <translation>Die Benutzer als JSON speichern</translation>
    </message>
    <message>
        <source>UserDesk &amp;Guide</source>
        <translation>UserDesk-&amp;Anleitung</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Show exchange</source>
        <translation>Austausch anzeigen</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>The proxy applies to every profile. The sandbox built into UserDesk is always reached directly.</source>
        <translation>Der Proxy gilt für jedes Profil. Die in UserDesk eingebaute Sandbox wird immer direkt erreicht.</translation>
    </message>
    <message>
        <source>Use the &amp;system&apos;s proxy settings (the environment&apos;s http_proxy, https_proxy and no_proxy)</source>
        <translation>Die Proxy-Einstellungen des &amp;Systems verwenden (http_proxy, https_proxy und no_proxy der Umgebung)</translation>
    </message>
    <message>
        <source>&amp;No proxy: connect directly</source>
        <translation>&amp;Kein Proxy: direkt verbinden</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>&amp;Manueller Proxy:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Direct to:</source>
        <translation>&amp;Direkt zu:</translation>
    </message>
    <message>
        <source>localhost, 127.0.0.1, .internal.example.com</source>
        <translation>localhost, 127.0.0.1, .intern.example.com</translation>
    </message>
    <message>
        <source>Hosts and domains reached without the proxy, separated by commas: a domain covers its subdomains too.</source>
        <translation>Hosts und Domains, die ohne den Proxy erreicht werden, durch Kommas getrennt: Eine Domain umfasst auch ihre Subdomains.</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the settings file.</source>
        <translation>Das Passwort wird im System-Schlüsselbund aufbewahrt, nie in der Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>ProfileServerPage</name>
    <message>
        <source>&amp;Server kind:</source>
        <translation>&amp;Serverart:</translation>
    </message>
    <message>
        <source>How the server pages and filters its lists</source>
        <translation>Wie der Server seine Listen in Seiten teilt und filtert</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>none: the system&apos;s authorities only</source>
        <translation>keine: nur die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>The certificate authorities in this PEM file are trusted for this profile besides the system&apos;s.</source>
        <translation>Den Zertifizierungsstellen in dieser PEM-Datei wird für dieses Profil zusätzlich zu denen des Systems vertraut.</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>C&amp;lient-Zertifikat:</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>Zertifikats&amp;datei:</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>Datei des privaten &amp;Schlüssels:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>The passphrase is kept in the system keychain, like the token, never in the settings file.</source>
        <translation>Die Passphrase wird wie das Token im System-Schlüsselbund aufbewahrt, nie in der Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>RequestLogWidget</name>
    <message>
        <source>Select an exchange to see its headers and body.</source>
        <translation>Wählen Sie einen Austausch aus, um seine Header und seinen Body zu sehen.</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <source>Include token</source>
        <translation>Token einschließen</translation>
    </message>
    <message>
        <source>Puts the real token into the copied command. Anyone who sees it can act as you.</source>
        <translation>Fügt das echte Token in den kopierten Befehl ein. Wer ihn sieht, kann in Ihrem Namen handeln.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Search the log: a method, a status (404, 5xx) or part of a URL</source>
        <translation>Protokoll durchsuchen: eine Methode, ein Status (404, 5xx) oder ein Teil einer URL</translation>
    </message>
    <message>
        <source>Search the request log</source>
        <translation>Anfrageprotokoll durchsuchen</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Austausche</translation>
    </message>
    <message>
        <source>The selected exchange</source>
        <translation>Der ausgewählte Austausch</translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Send the selected request again to this profile&apos;s server, with the token from the keychain; a change asks first.</source>
        <translation>Sendet die ausgewählte Anfrage erneut an den Server dieses Profils, mit dem Token aus dem Schlüsselbund; vor einer Änderung wird nachgefragt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Duplizieren…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-U&amp;RL:</translation>
    </message>
    <message>
        <source>https://gorest.co.in/public/v2</source>
        <translation>https://gorest.co.in/public/v2</translation>
    </message>
    <message>
        <source>This profile talks to the sandbox built into UserDesk; its address and token are chosen when it starts.</source>
        <translation>Dieses Profil spricht mit der in UserDesk eingebauten Sandbox; deren Adresse und Token werden beim Start festgelegt.</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source> users</source>
        <translation> Benutzer</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>&amp;Anzahl Versuche:</translation>
    </message>
    <message>
        <source>How many times a request is tried in all, including the first try</source>
        <translation>Wie oft eine Anfrage insgesamt versucht wird, den ersten Versuch eingeschlossen</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Parallelität:</translation>
    </message>
    <message>
        <source> requests at once</source>
        <translation> Anfragen gleichzeitig</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Preferences pages</source>
        <translation>Seiten der Einstellungen</translation>
    </message>
    <message>
        <source>Profile settings</source>
        <translation>Einstellungen des Profils</translation>
    </message>
</context>
<context>
    <name>UserDesk</name>
    <message>
        <source>a list was expected but the answer is not a JSON array</source>
        <translation>eine Liste wurde erwartet, aber die Antwort ist kein JSON-Array</translation>
    </message>
    <message>
        <source>item %1 of the list: %2</source>
        <translation>Eintrag %1 der Liste: %2</translation>
    </message>
    <message>
        <source>item %1 (id %2)</source>
        <translation>Eintrag %1 (ID %2)</translation>
    </message>
    <message>
        <source>item %1 (id &quot;%2&quot;)</source>
        <translation>Eintrag %1 (ID „%2“)</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>The list&apos;s %1 was skipped: %2.</source>
        <translation>%1 der Liste wurde übersprungen: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not one item of the list could be used (%1)</source>
        <translation>kein einziger Eintrag der Liste war verwendbar (%1)</translation>
    </message>
    <message>
        <source>There is no user field &quot;%1&quot;; the fields are %2.</source>
        <translation>Es gibt kein Benutzerfeld „%1“; die Felder sind %2.</translation>
    </message>
    <message>
        <source>The file has no column &quot;%1&quot; to take %2 from.</source>
        <translation>Die Datei hat keine Spalte „%1“, aus der %2 übernommen werden könnte.</translation>
    </message>
    <message>
        <source>The file has no column for %1; name the columns %2, or map them.</source>
        <translation>Die Datei hat keine Spalte für %1; benennen Sie die Spalten %2 oder ordnen Sie sie zu.</translation>
    </message>
    <message>
        <source>is not an id</source>
        <translation>ist keine ID</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
</context>
<context>
    <name>UserDesk::ApiClient</name>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The answer&apos;s headers could not be read: too many or too large.</source>
        <translation>Die Header der Antwort konnten nicht gelesen werden: zu viele oder zu groß.</translation>
    </message>
    <message>
        <source>Too many redirects.</source>
        <translation>Zu viele Weiterleitungen.</translation>
    </message>
    <message>
        <source>The server redirected a secure request to an insecure address (%1).</source>
        <translation>Der Server hat eine sichere Anfrage an eine unsichere Adresse umgeleitet (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used: %1.</source>
        <translation>Die Antwort des Servers konnte nicht verwendet werden: %1.</translation>
    </message>
    <message>
        <source>a user object was expected</source>
        <translation>ein Benutzerobjekt wurde erwartet</translation>
    </message>
    <message>
        <source>The token contains a line break or a NUL character; it was not sent. Enter the token again without them.</source>
        <translation>Das Token enthält einen Zeilenumbruch oder ein NUL-Zeichen; es wurde nicht gesendet. Geben Sie das Token ohne diese Zeichen erneut ein.</translation>
    </message>
    <message>
        <source>The %1 header contains a line break or a NUL character; it was not sent.</source>
        <translation>Der Header %1 enthält einen Zeilenumbruch oder ein NUL-Zeichen; er wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The answer could not be decompressed: %1.</source>
        <translation>Die Antwort konnte nicht entpackt werden: %1.</translation>
    </message>
    <message>
        <source>The server redirected the request to another origin (%1), which asked for authentication (HTTP %2); the token was withheld from that origin. Use the address the server redirects to as the endpoint if you trust it.</source>
        <translation>Der Server hat die Anfrage an einen anderen Ursprung (%1) umgeleitet, der eine Authentifizierung verlangte (HTTP %2); das Token wurde diesem Ursprung vorenthalten. Verwenden Sie die Adresse, auf die der Server umleitet, als Endpunkt, wenn Sie ihr vertrauen.</translation>
    </message>
    <message>
        <source>The server redirected the %1 to %2 (HTTP %3). Such a redirect turns a write into a read, so nothing was written; use %4 as the endpoint.</source>
        <translation>Der Server hat %1 nach %2 umgeleitet (HTTP %3). Eine solche Umleitung macht aus einem Schreibzugriff einen Lesezugriff, daher wurde nichts geschrieben; verwenden Sie %4 als Endpunkt.</translation>
    </message>
    <message>
        <source>%1 The server asked to wait %2 s before trying again, longer than the %3 this client waits.</source>
        <translation>%1 Der Server bat, %2 s bis zum nächsten Versuch zu warten, länger als die %3, die dieser Client wartet.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>the user %1 was created</source>
        <translation>der Benutzer %1 angelegt wurde</translation>
    </message>
    <message>
        <source>user %1 was deleted</source>
        <translation>Benutzer %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>user %1 was changed</source>
        <translation>Benutzer %1 geändert wurde</translation>
    </message>
    <message>
        <source>The email address %1 is already taken by user %2.</source>
        <translation>Die E-Mail-Adresse %1 ist bereits von Benutzer %2 belegt.</translation>
    </message>
    <message>
        <source>has already been taken by user %1</source>
        <translation>ist bereits von Benutzer %1 belegt</translation>
    </message>
    <message>
        <source>The created user could not be found.</source>
        <translation>Der angelegte Benutzer wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>the answer was lost, and user %1 now holds this email and every field sent; it may be the one this request created or one that existed before.</source>
        <translation>die Antwort ging verloren, und Benutzer %1 hat jetzt diese E-Mail-Adresse und jedes gesendete Feld; es kann der sein, den diese Anfrage angelegt hat, oder einer, der schon vorher bestand.</translation>
    </message>
    <message>
        <source>is not a field of %1</source>
        <translation>ist kein Feld von %1</translation>
    </message>
    <message>
        <source>is given by the server and cannot be sent</source>
        <translation>wird vom Server vergeben und kann nicht gesendet werden</translation>
    </message>
    <message>
        <source>Nothing to change: no field was given.</source>
        <translation>Nichts zu ändern: Es wurde kein Feld angegeben.</translation>
    </message>
    <message>
        <source>The data is not valid; it was not sent.</source>
        <translation>Die Daten sind nicht gültig; sie wurden nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 have no parent to list them under.</source>
        <translation>%1 haben keinen übergeordneten Datensatz, unter dem sie aufgelistet werden könnten.</translation>
    </message>
    <message>
        <source>%1 cannot be filtered by &quot;%2&quot;; the fields are %3.</source>
        <translation>%1 können nicht nach „%2“ gefiltert werden; die Felder sind %3.</translation>
    </message>
    <message>
        <source>No id was given; nothing was asked.</source>
        <translation>Es wurde keine ID angegeben; nichts wurde abgefragt.</translation>
    </message>
    <message>
        <source>%1 have no parent to create them under.</source>
        <translation>%1 haben keinen übergeordneten Datensatz, unter dem sie angelegt werden könnten.</translation>
    </message>
    <message>
        <source>No id was given; nothing was sent.</source>
        <translation>Es wurde keine ID angegeben; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>The created record could not be found.</source>
        <translation>Der angelegte Datensatz wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>the post was created</source>
        <translation>der Beitrag angelegt wurde</translation>
    </message>
    <message>
        <source>post %1 was deleted</source>
        <translation>Beitrag %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>post %1 was changed</source>
        <translation>Beitrag %1 geändert wurde</translation>
    </message>
    <message>
        <source>It is not known whether the post was created; post %1 matches what was sent.</source>
        <translation>Es ist nicht bekannt, ob der Beitrag angelegt wurde; Beitrag %1 entspricht dem Gesendeten.</translation>
    </message>
    <message>
        <source>the comment was created</source>
        <translation>der Kommentar angelegt wurde</translation>
    </message>
    <message>
        <source>comment %1 was deleted</source>
        <translation>Kommentar %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>comment %1 was changed</source>
        <translation>Kommentar %1 geändert wurde</translation>
    </message>
    <message>
        <source>It is not known whether the comment was created; comment %1 matches what was sent.</source>
        <translation>Es ist nicht bekannt, ob der Kommentar angelegt wurde; Kommentar %1 entspricht dem Gesendeten.</translation>
    </message>
    <message>
        <source>the todo was created</source>
        <translation>die Aufgabe angelegt wurde</translation>
    </message>
    <message>
        <source>todo %1 was deleted</source>
        <translation>Aufgabe %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>todo %1 was changed</source>
        <translation>Aufgabe %1 geändert wurde</translation>
    </message>
    <message>
        <source>It is not known whether the todo was created; todo %1 matches what was sent.</source>
        <translation>Es ist nicht bekannt, ob die Aufgabe angelegt wurde; Aufgabe %1 entspricht dem Gesendeten.</translation>
    </message>
    <message>
        <source>the user was created</source>
        <translation>der Benutzer angelegt wurde</translation>
    </message>
    <message>
        <source>It is not known whether the user was created; user %1 matches what was sent.</source>
        <translation>Es ist nicht bekannt, ob der Benutzer angelegt wurde; Benutzer %1 entspricht dem Gesendeten.</translation>
    </message>
    <message>
        <source>the record of %1 was created</source>
        <translation>der Datensatz von %1 angelegt wurde</translation>
    </message>
    <message>
        <source>record %1 of %2 was deleted</source>
        <translation>Datensatz %1 von %2 gelöscht wurde</translation>
    </message>
    <message>
        <source>record %1 of %2 was changed</source>
        <translation>Datensatz %1 von %2 geändert wurde</translation>
    </message>
    <message>
        <source>It is not known whether the record of %1 was created; record %2 matches what was sent.</source>
        <translation>Es ist nicht bekannt, ob der Datensatz von %1 angelegt wurde; Datensatz %2 entspricht dem Gesendeten.</translation>
    </message>
    <message>
        <source>Re-sent by hand from the request log: a new write of its own, not a retry of the earlier exchange; it is sent once.</source>
        <translation>Von Hand aus dem Anfrageprotokoll erneut gesendet: ein eigener, neuer Schreibvorgang, keine Wiederholung des früheren Austauschs; er wird einmal gesendet.</translation>
    </message>
    <message>
        <source>Re-sent by hand from the request log.</source>
        <translation>Von Hand aus dem Anfrageprotokoll erneut gesendet.</translation>
    </message>
    <message>
        <source>The server applied it again (%1).</source>
        <translation>Der Server hat ihn erneut ausgeführt (%1).</translation>
    </message>
    <message>
        <source>Unknown whether the server applied it: no answer that says so came.</source>
        <translation>Unbekannt, ob der Server ihn ausgeführt hat: Es kam keine Antwort, die das sagt.</translation>
    </message>
    <message>
        <source>%1 %2 was applied</source>
        <translation>%1 %2 ausgeführt wurde</translation>
    </message>
    <message>
        <source>The server did not apply it: it answered %1.</source>
        <translation>Der Server hat ihn nicht ausgeführt: Er antwortete %1.</translation>
    </message>
    <message>
        <source>It did not reach the server, so nothing was applied.</source>
        <translation>Er hat den Server nicht erreicht, also wurde nichts ausgeführt.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ApiError</name>
    <message>
        <source>The server could not read the request.</source>
        <translation>Der Server konnte die Anfrage nicht lesen.</translation>
    </message>
    <message>
        <source>Authentication failed.</source>
        <translation>Die Authentifizierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Access denied.</source>
        <translation>Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Resource not found.</source>
        <translation>Ressource nicht gefunden.</translation>
    </message>
    <message>
        <source>The server refused the data.</source>
        <translation>Der Server hat die Daten abgelehnt.</translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation>Zu viele Anfragen.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1).</source>
        <translation>Der Server hatte ein Problem (HTTP %1).</translation>
    </message>
    <message>
        <source>Unexpected answer (HTTP %1).</source>
        <translation>Unerwartete Antwort (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the data: %1.</source>
        <translation>Der Server hat die Daten abgelehnt: %1.</translation>
    </message>
    <message>
        <source>%1 Check the token of this profile.</source>
        <translation>%1 Prüfen Sie das Token dieses Profils.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>It is not known whether %1: %2</source>
        <translation>Es ist nicht bekannt, ob %1: %2</translation>
    </message>
    <message>
        <source>The data was not sent: %1.</source>
        <translation>Die Daten wurden nicht gesendet: %1.</translation>
    </message>
</context>
<context>
    <name>UserDesk::BulkEditDialog</name>
    <message numerus="yes">
        <source>Set one field to the same value on the %n selected user(s). Each one is changed by its own request, journaled, so the job can be stopped and resumed.</source>
        <translation>
            <numerusform>Ein Feld bei %n ausgewählten Benutzer auf denselben Wert setzen. Jeder wird mit einer eigenen Anfrage geändert, im Journal festgehalten, sodass der Job angehalten und fortgesetzt werden kann.</numerusform>
            <numerusform>Ein Feld bei den %n ausgewählten Benutzern auf denselben Wert setzen. Jeder wird mit einer eigenen Anfrage geändert, im Journal festgehalten, sodass der Job angehalten und fortgesetzt werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message numerus="yes">
        <source>Apply to %n user(s)</source>
        <translation>
            <numerusform>Auf %n Benutzer anwenden</numerusform>
            <numerusform>Auf %n Benutzer anwenden</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>An email address belongs to one user only: the server will refuse it for every user but the first, and the report will say so.</source>
        <translation>Eine E-Mail-Adresse gehört nur einem Benutzer: Der Server wird sie für alle außer dem ersten ablehnen, und der Bericht wird das sagen.</translation>
    </message>
    <message>
        <source>Give the new value.</source>
        <translation>Geben Sie den neuen Wert an.</translation>
    </message>
</context>
<context>
    <name>UserDesk::BulkJob</name>
    <message>
        <source>There is no job %1 in the journal.</source>
        <translation>Im Journal gibt es keinen Job %1.</translation>
    </message>
    <message>
        <source>Created user %1.</source>
        <translation>Benutzer %1 angelegt.</translation>
    </message>
    <message>
        <source>Updated user %1.</source>
        <translation>Benutzer %1 geändert.</translation>
    </message>
    <message>
        <source>Deleted user %1.</source>
        <translation>Benutzer %1 gelöscht.</translation>
    </message>
    <message>
        <source>User %1 already has the new values.</source>
        <translation>Benutzer %1 hat bereits die neuen Werte.</translation>
    </message>
    <message>
        <source>The email %1 is taken by user %2, whose other fields differ from the ones to import.</source>
        <translation>Die E-Mail-Adresse %1 ist von Benutzer %2 belegt, dessen übrige Felder von den zu importierenden abweichen.</translation>
    </message>
    <message>
        <source>User %1 no longer exists.</source>
        <translation>Benutzer %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Whether it was applied is not known yet, because the check failed: %1</source>
        <translation>Ob es ausgeführt wurde, ist noch nicht bekannt, da die Prüfung fehlschlug: %1</translation>
    </message>
    <message>
        <source>Whether it was applied is not known: %1 Resume the job to settle it.</source>
        <translation>Ob es ausgeführt wurde, ist nicht bekannt: %1 Setzen Sie den Job fort, um das zu klären.</translation>
    </message>
    <message>
        <source>User %1 holds this email and every field to import; the earlier run may have created it, or it may have existed before.</source>
        <translation>Benutzer %1 hat diese E-Mail-Adresse und jedes zu importierende Feld; der frühere Lauf kann ihn angelegt haben, oder er bestand schon vorher.</translation>
    </message>
    <message>
        <source>User %1 was already deleted on the server.</source>
        <translation>Benutzer %1 war auf dem Server bereits gelöscht.</translation>
    </message>
    <message>
        <source>Created post %1.</source>
        <translation>Beitrag %1 angelegt.</translation>
    </message>
    <message>
        <source>Created comment %1.</source>
        <translation>Kommentar %1 angelegt.</translation>
    </message>
    <message>
        <source>Created todo %1.</source>
        <translation>Aufgabe %1 angelegt.</translation>
    </message>
    <message>
        <source>This item asks to %1 a record of &quot;%2&quot;, which a job cannot do; nothing was sent for it.</source>
        <translation>Dieser Eintrag verlangt die Aktion „%1“ für einen Datensatz von „%2“, die ein Job nicht ausführen kann; dafür wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Record %1 of %2 holds this item&apos;s %3; the earlier run may have created it, or it may have existed before.</source>
        <translation>Datensatz %1 von %2 enthält %3 dieses Eintrags; der frühere Lauf hat ihn vielleicht angelegt, oder er bestand schon vorher.</translation>
    </message>
</context>
<context>
    <name>UserDesk::CertificateDialog</name>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified: %1</source>
        <translation>Das Zertifikat des Servers konnte nicht überprüft werden: %1</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Trust this certificate for the profile &quot;%1&quot;</source>
        <translation>Diesem Zertifikat für das Profil „%1“ vertrauen</translation>
    </message>
    <message>
        <source>Only do this when you know the fingerprint belongs to the server, e.g. a self-signed test server you set up.</source>
        <translation>Tun Sie dies nur, wenn Sie wissen, dass der Fingerabdruck zum Server gehört, z. B. zu einem selbst signierten Testserver, den Sie eingerichtet haben.</translation>
    </message>
    <message>
        <source>Trust and retry</source>
        <translation>Vertrauen und wiederholen</translation>
    </message>
</context>
<context>
    <name>UserDesk::CliApp</name>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>Siehe „userdesk-cli --help“.</translation>
    </message>
    <message>
        <source>no --endpoint given and no profile is set up</source>
        <translation>kein --endpoint angegeben und kein Profil eingerichtet</translation>
    </message>
    <message>
        <source>no profile named &quot;%1&quot;</source>
        <translation>kein Profil namens „%1“</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot; is the app&apos;s embedded sandbox; start userdesk-sandbox and pass --endpoint</source>
        <translation>Profil „%1“ ist die eingebaute Sandbox der App; starten Sie userdesk-sandbox und geben Sie --endpoint an</translation>
    </message>
    <message>
        <source>--endpoint must be an http or https URL</source>
        <translation>--endpoint muss eine http- oder https-URL sein</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>note: no keychain answered; the token comes from %1</source>
        <translation>Hinweis: Kein Schlüsselbund hat geantwortet; das Token stammt aus %1</translation>
    </message>
    <message>
        <source>note: no keychain answered; continuing without a token</source>
        <translation>Hinweis: Kein Schlüsselbund hat geantwortet; es geht ohne Token weiter</translation>
    </message>
    <message>
        <source>retrying (attempt %1) in %2 ms: %3</source>
        <translation>neuer Versuch (Versuch %1) in %2 ms: %3</translation>
    </message>
    <message>
        <source>API base URL, e.g. http://127.0.0.1:8080/public/v2.</source>
        <translation>Basis-URL der API, z. B. http://127.0.0.1:8080/public/v2.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Use the settings and keychain token of this UserDesk profile.</source>
        <translation>Die Einstellungen und das Schlüsselbund-Token dieses UserDesk-Profils verwenden.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Read profiles from this settings file.</source>
        <translation>Profile aus dieser Einstellungsdatei lesen.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Do not read the token from the keychain.</source>
        <translation>Das Token nicht aus dem Schlüsselbund lesen.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Requests in flight at most.</source>
        <translation>Höchstzahl gleichzeitig laufender Anfragen.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Retries of a failed request at most.</source>
        <translation>Höchstzahl der Wiederholungen einer fehlgeschlagenen Anfrage.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>unknown users command &quot;%1&quot;</source>
        <translation>unbekannter users-Befehl „%1“</translation>
    </message>
    <message>
        <source>List users, newest first.</source>
        <translation>Benutzer auflisten, neueste zuerst.</translation>
    </message>
    <message>
        <source>Fetch every page (concurrently once the page count is known).</source>
        <translation>Alle Seiten abrufen (parallel, sobald die Seitenzahl bekannt ist).</translation>
    </message>
    <message>
        <source>Page to fetch (default 1).</source>
        <translation>Abzurufende Seite (Standard: 1).</translation>
    </message>
    <message>
        <source>Users per page, 1 to 100 (default 100 with --all, else 20).</source>
        <translation>Benutzer je Seite, 1 bis 100 (Standard: 100 mit --all, sonst 20).</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>Schlüssel=Wert</translation>
    </message>
    <message>
        <source>--per-page must be between 1 and 100</source>
        <translation>--per-page muss zwischen 1 und 100 liegen</translation>
    </message>
    <message>
        <source>--page must be a positive number</source>
        <translation>--page muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>Show one user.</source>
        <translation>Einen Benutzer anzeigen.</translation>
    </message>
    <message>
        <source>The user&apos;s id.</source>
        <translation>Die ID des Benutzers.</translation>
    </message>
    <message>
        <source>Create a user; prints the created user.</source>
        <translation>Einen Benutzer anlegen; gibt den angelegten Benutzer aus.</translation>
    </message>
    <message>
        <source>The data is not complete.</source>
        <translation>Die Daten sind unvollständig.</translation>
    </message>
    <message>
        <source>Change fields of a user (PATCH, or PUT with --put); prints the result.</source>
        <translation>Felder eines Benutzers ändern (PATCH, oder PUT mit --put); gibt das Ergebnis aus.</translation>
    </message>
    <message>
        <source>Send PUT instead of PATCH.</source>
        <translation>PUT statt PATCH senden.</translation>
    </message>
    <message>
        <source>nothing to change: give --name, --email, --gender or --status</source>
        <translation>nichts zu ändern: geben Sie --name, --email, --gender oder --status an</translation>
    </message>
    <message>
        <source>The data is not valid.</source>
        <translation>Die Daten sind ungültig.</translation>
    </message>
    <message>
        <source>One or more user ids.</source>
        <translation>Eine oder mehrere Benutzer-IDs.</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id</source>
        <translation>„%1“ ist keine Benutzer-ID</translation>
    </message>
    <message>
        <source>users delete needs at least one id</source>
        <translation>users delete benötigt mindestens eine ID</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>--proxy must be a URL like http://host:3128 or socks5://host:1080</source>
        <translation>--proxy muss eine URL wie http://host:3128 oder socks5://host:1080 sein</translation>
    </message>
    <message>
        <source>--dialect must be auto, %1</source>
        <translation>--dialect muss auto, %1 sein</translation>
    </message>
    <message>
        <source>--trust-fingerprint wants a SHA-256 fingerprint: 64 hex digits, &apos;:&apos; allowed</source>
        <translation>--trust-fingerprint erwartet einen SHA-256-Fingerabdruck: 64 Hexadezimalziffern, ‚:‘ erlaubt</translation>
    </message>
    <message>
        <source>no PEM certificate could be read from %1</source>
        <translation>aus %1 konnte kein PEM-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>note: the server&apos;s dialect could not be found out (%1); using %2</source>
        <translation>Hinweis: Der Dialekt des Servers konnte nicht ermittelt werden (%1); %2 wird verwendet</translation>
    </message>
    <message>
        <source>note: the server speaks %1</source>
        <translation>Hinweis: Der Server spricht %1</translation>
    </message>
    <message>
        <source>Deadline of each request, connect to last byte, in milliseconds.</source>
        <translation>Frist jeder Anfrage, vom Verbindungsaufbau bis zum letzten Byte, in Millisekunden.</translation>
    </message>
    <message>
        <source>Print every HTTP exchange (token and user:password redacted) to stderr.</source>
        <translation>Jeden HTTP-Austausch (Token und user:password unkenntlich gemacht) auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>Verify the server with the certificate authorities in this PEM file instead of the system&apos;s (SSL_CERT_FILE and SSL_CERT_DIR are honoured too).</source>
        <translation>Den Server mit den Zertifizierungsstellen aus dieser PEM-Datei statt mit denen des Systems prüfen (SSL_CERT_FILE und SSL_CERT_DIR werden ebenfalls beachtet).</translation>
    </message>
    <message>
        <source>Trust the server certificate with this SHA-256 fingerprint, as the error shows it (repeatable).</source>
        <translation>Dem Serverzertifikat mit diesem SHA-256-Fingerabdruck vertrauen, wie ihn die Fehlermeldung zeigt (wiederholbar).</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>Send every request through this proxy: http://[user:password@]host:port or socks5://...; without it, the environment&apos;s proxy settings apply.</source>
        <translation>Jede Anfrage über diesen Proxy senden: http://[user:password@]host:port oder socks5://...; ohne diese Option gelten die Proxy-Einstellungen der Umgebung.</translation>
    </message>
    <message>
        <source>How the server pages and filters: auto (found out on first contact), %1.</source>
        <translation>Wie der Server seitenweise liefert und filtert: auto (beim ersten Kontakt ermittelt), %1.</translation>
    </message>
    <message>
        <source>With --all, read at most this many pages (default %1).</source>
        <translation>Mit --all höchstens so viele Seiten lesen (Standard %1).</translation>
    </message>
    <message>
        <source>--max-pages must be a positive number</source>
        <translation>--max-pages muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>user %1 was deleted</source>
        <translation>Benutzer %1 gelöscht wurde</translation>
    </message>
    <message>
        <source>unknown whether %1 was deleted: %2</source>
        <translation>unbekannt, ob %1 gelöscht wurde: %2</translation>
    </message>
    <message>
        <source>not deleted %1: stopped before it was sent</source>
        <translation>%1 nicht gelöscht: vor dem Senden angehalten</translation>
    </message>
    <message>
        <source>Server-side filter: id= (exact), name=, email=, gender=, status= (repeatable).</source>
        <translation>Filter auf dem Server: id= (genau), name=, email=, gender=, status= (wiederholbar).</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use id=, name=, email=, gender= or status=</source>
        <translation>ungültiger Filter „%1“: id=, name=, email=, gender= oder status= verwenden</translation>
    </message>
    <message>
        <source>users get takes exactly one id</source>
        <translation>users get erwartet genau eine ID</translation>
    </message>
    <message>
        <source>users update takes exactly one id</source>
        <translation>users update erwartet genau eine ID</translation>
    </message>
    <message>
        <source>
The token is read from the environment variable USERDESK_TOKEN (never from the command line, where
other users of the machine could read it), or from the keychain entry of --profile.
Exit codes: 0 ok, 1 failure, 2 usage, 3 network/timeout/TLS, 4 authentication, 5 not found,
6 validation, 7 rate limited, 8 server error, 9 bad response, 10 outcome unknown (a write whose
answer was lost and that could not be read back: it may or may not have been applied; check
before repeating it), 11 incomplete (a list printed without the items the server sent that could
not be read, each named on stderr), 130 interrupted (SIGINT) or canceled, 143 terminated (SIGTERM).
Colour only on a terminal, and never when NO_COLOR is set.
</source>
        <translation>
Das Token wird aus der Umgebungsvariable USERDESK_TOKEN gelesen (nie von der Befehlszeile, wo andere
Benutzer des Rechners es lesen könnten) oder aus dem Schlüsselbund-Eintrag von --profile.
Exit-Codes: 0 ok, 1 Fehler, 2 Aufruf, 3 Netzwerk/Zeitüberschreitung/TLS, 4 Anmeldung, 5 nicht gefunden,
6 Validierung, 7 Ratenlimit, 8 Serverfehler, 9 ungültige Antwort, 10 Ergebnis unbekannt (ein Schreibzugriff,
dessen Antwort verloren ging und der nicht zurückgelesen werden konnte: er wurde vielleicht ausgeführt;
vor einer Wiederholung prüfen), 11 unvollständig (eine Liste ohne die Einträge des Servers, die nicht
gelesen werden konnten, jeder auf stderr genannt), 130 unterbrochen (SIGINT) oder abgebrochen,
143 beendet (SIGTERM).
Farbe nur auf einem Terminal und nie, wenn NO_COLOR gesetzt ist.
</translation>
    </message>
    <message>
        <source>UserDesk command line: list, read, create, update and delete users, posts, comments and todos of a GoRest-style API.

</source>
        <translation>UserDesk-Befehlszeile: Benutzer, Beiträge, Kommentare und Aufgaben einer GoRest-artigen API auflisten, lesen, anlegen, ändern und löschen.

</translation>
    </message>
    <message>
        <source>What to do: %1.</source>
        <translation>Was zu tun ist: %1.</translation>
    </message>
    <message>
        <source>completion takes exactly one of bash, zsh, fish or profiles</source>
        <translation>completion erwartet genau eines von bash, zsh, fish oder profiles</translation>
    </message>
    <message>
        <source>completion takes bash, zsh, fish or profiles, not &quot;%1&quot;</source>
        <translation>completion erwartet bash, zsh, fish oder profiles, nicht „%1“</translation>
    </message>
    <message>
        <source>--format must be table, json, csv or ndjson</source>
        <translation>--format muss table, json, csv oder ndjson sein</translation>
    </message>
    <message>
        <source>table, json, csv or ndjson (one JSON object a line, each printed as it arrives).</source>
        <translation>table, json, csv oder ndjson (ein JSON-Objekt pro Zeile, jedes ausgegeben, sobald es eintrifft).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>Vollständiger Name.</translation>
    </message>
    <message>
        <source>Email address (unique).</source>
        <translation>E-Mail-Adresse (eindeutig).</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>male or female.</source>
        <translation>male oder female.</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>active or inactive.</source>
        <translation>active oder inactive.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>List, read, create, change and delete users.</source>
        <translation>Benutzer auflisten, lesen, anlegen, ändern und löschen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delete users by id; reports each one on its own line as it ends (deleted on stdout, the rest on stderr; with --format json, ndjson or csv every line on stdout).</source>
        <translation>Löscht Benutzer nach ID; meldet jeden in einer eigenen Zeile, sobald er fertig ist (gelöschte auf stdout, der Rest auf stderr; mit --format json, ndjson oder csv jede Zeile auf stdout).</translation>
    </message>
    <message>
        <source>The journaled bulk jobs: list, resume or discard them.</source>
        <translation>Die protokollierten Massenaufträge: auflisten, fortsetzen oder verwerfen.</translation>
    </message>
    <message>
        <source>Print a shell completion script, or the profile names for one.</source>
        <translation>Gibt ein Vervollständigungsskript für eine Shell aus oder die Profilnamen dafür.</translation>
    </message>
    <message>
        <source>Print the bash completion script.</source>
        <translation>Gibt das Vervollständigungsskript für bash aus.</translation>
    </message>
    <message>
        <source>Print the zsh completion script.</source>
        <translation>Gibt das Vervollständigungsskript für zsh aus.</translation>
    </message>
    <message>
        <source>Print the fish completion script.</source>
        <translation>Gibt das Vervollständigungsskript für fish aus.</translation>
    </message>
    <message>
        <source>Print the names of the profiles, one a line.</source>
        <translation>Gibt die Namen der Profile aus, einen pro Zeile.</translation>
    </message>
    <message>
        <source>List, read, create, change and delete posts (--user for a user&apos;s).</source>
        <translation>Beiträge auflisten, lesen, anlegen, ändern und löschen (--user für die eines Benutzers).</translation>
    </message>
    <message>
        <source>List, read, create, change and delete comments (--post for a post&apos;s).</source>
        <translation>Kommentare auflisten, lesen, anlegen, ändern und löschen (--post für die eines Beitrags).</translation>
    </message>
    <message>
        <source>List, read, create, change and delete todos (--user for a user&apos;s).</source>
        <translation>Aufgaben auflisten, lesen, anlegen, ändern und löschen (--user für die eines Benutzers).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>The options of a command: userdesk-cli %1 VERB --help.</source>
        <translation>Die Optionen eines Befehls: userdesk-cli %1 VERB --help.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ConnectionCheck</name>
    <message>
        <source>No token is set: reads work without one, but creating, changing or deleting users will be refused.</source>
        <translation>Es ist kein Token gesetzt: Lesen geht ohne, aber Anlegen, Ändern oder Löschen von Benutzern wird abgelehnt.</translation>
    </message>
    <message>
        <source>The token was not checked: a %1 server has no request that tests it without changing data.</source>
        <translation>Das Token wurde nicht geprüft: Ein %1-Server kennt keine Anfrage, die es prüft, ohne Daten zu ändern.</translation>
    </message>
    <message>
        <source>The token was not checked: the server does not page as GoRest does (it sent no X-Pagination headers), so a test could create an empty user there.</source>
        <translation>Das Token wurde nicht geprüft: Der Server blättert nicht wie GoRest (er sandte keine X-Pagination-Header), daher könnte ein Test dort einen leeren Benutzer anlegen.</translation>
    </message>
    <message>
        <source>The server refused the token (HTTP %1).</source>
        <translation>Der Server hat das Token abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the token (HTTP %1: %2).</source>
        <translation>Der Server hat das Token abgelehnt (HTTP %1: %2).</translation>
    </message>
    <message>
        <source>The server accepted an empty user (HTTP %1), which GoRest refuses; it may have created a record without fields.</source>
        <translation>Der Server hat einen leeren Benutzer angenommen (HTTP %1), den GoRest ablehnt; er hat womöglich einen Datensatz ohne Felder angelegt.</translation>
    </message>
    <message>
        <source>The token could not be checked: %1</source>
        <translation>Das Token konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>The server answered but did not list its users: %1</source>
        <translation>Der Server hat geantwortet, aber seine Benutzer nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Keine Verbindung möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server has %Ln user(s)</source>
        <translation>
            <numerusform>Verbunden: Der Server hat %Ln Benutzer</numerusform>
            <numerusform>Verbunden: Der Server hat %Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: the server did not say how many users it has</source>
        <translation>Verbunden: Der Server hat nicht gesagt, wie viele Benutzer er hat</translation>
    </message>
    <message>
        <source>%1, and it accepts the token for changes.</source>
        <translation>%1, und er nimmt das Token für Änderungen an.</translation>
    </message>
    <message>
        <source>%1, and it accepts the token for changes. %2</source>
        <translation>%1, und er nimmt das Token für Änderungen an. %2</translation>
    </message>
    <message>
        <source>%1, but it refuses the token, so changes will fail. %2 Check the token of this profile.</source>
        <translation>%1, aber er lehnt das Token ab, daher werden Änderungen scheitern. %2 Prüfen Sie das Token dieses Profils.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The server pages as GoRest v2.</source>
        <translation>Der Server blättert wie GoRest v2.</translation>
    </message>
    <message>
        <source>The server pages as json-server 0.17.</source>
        <translation>Der Server blättert wie json-server 0.17.</translation>
    </message>
    <message>
        <source>The server pages as json-server 1.x.</source>
        <translation>Der Server blättert wie json-server 1.x.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ConnectionTest</name>
    <message>
        <source>Reading the passphrase…</source>
        <translation>Passphrase wird gelesen…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>UserDesk::ContentDecoder</name>
    <message>
        <source>its body could not be decoded (zlib did not start)</source>
        <translation>ihr Body konnte nicht dekodiert werden (zlib startete nicht)</translation>
    </message>
    <message>
        <source>it is larger than the allowed size once decompressed</source>
        <translation>sie ist entpackt größer als erlaubt</translation>
    </message>
    <message>
        <source>its body could not be decoded as the Content-Encoding the server declared (%1)</source>
        <translation>ihr Body konnte nicht gemäß dem vom Server angegebenen Content-Encoding (%1) dekodiert werden</translation>
    </message>
</context>
<context>
    <name>UserDesk::DeferredDelete</name>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>The delete was not sent because it could not be written to the job journal: %1</source>
        <translation>Das Löschen wurde nicht gesendet, weil es nicht ins Job-Journal geschrieben werden konnte: %1</translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer löschen</numerusform>
            <numerusform>%n Benutzer löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::Dialect</name>
    <message>
        <source>a list was expected but the answer has no &quot;data&quot; array</source>
        <translation>eine Liste wurde erwartet, aber die Antwort hat kein „data“-Array</translation>
    </message>
    <message>
        <source>a list was expected but the answer is not a JSON array</source>
        <translation>eine Liste wurde erwartet, aber die Antwort ist kein JSON-Array</translation>
    </message>
</context>
<context>
    <name>UserDesk::ExchangeFormat</name>
    <message>
        <source>attempt %1, started %2</source>
        <translation>Versuch %1, gestartet %2</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>Warten auf die Antwort…</translation>
    </message>
    <message>
        <source>%1 in %2 ms, %3 bytes</source>
        <translation>%1 in %2 ms, %3 Byte</translation>
    </message>
    <message>
        <source> (%1 compressed)</source>
        <translation> (%1 komprimiert)</translation>
    </message>
    <message>
        <source>no answer after %1 ms</source>
        <translation>keine Antwort nach %1 ms</translation>
    </message>
    <message>
        <source>(%1 bytes, shortened)</source>
        <translation>(%1 Byte, gekürzt)</translation>
    </message>
</context>
<context>
    <name>UserDesk::GuideDialog</name>
    <message>
        <source>UserDesk Guide</source>
        <translation>UserDesk-Anleitung</translation>
    </message>
    <message>
        <source>UserDesk guide</source>
        <translation>UserDesk-Anleitung</translation>
    </message>
    <message>
        <source>&lt;h2&gt;UserDesk Guide&lt;/h2&gt;&lt;p&gt;UserDesk browses and edits the users of a GoRest-style REST API. It starts on its built-in sandbox, a local server with sample users, so everything works without an account.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;UserDesk-Anleitung&lt;/h2&gt;&lt;p&gt;UserDesk zeigt und bearbeitet die Benutzer einer REST-API im Stil von GoRest. Es startet mit seiner eingebauten Sandbox, einem lokalen Server mit Beispielbenutzern, daher funktioniert alles ohne Konto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The table&lt;/h3&gt;&lt;p&gt;Users load page after page as you scroll; the status bar says how many of how many are loaded. The server cannot sort, so sorting by a column loads the rest first, or asks when that takes long and then says that only the loaded users are sorted.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Die Tabelle&lt;/h3&gt;&lt;p&gt;Beim Blättern werden die Benutzer Seite für Seite geladen; die Statusleiste sagt, wie viele von wie vielen geladen sind. Der Server kann nicht sortieren, daher lädt das Sortieren nach einer Spalte zuerst den Rest, oder es fragt, wenn das lange dauert, und sagt dann, dass nur die geladenen Benutzer sortiert sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Filters&lt;/h3&gt;&lt;p&gt;The fields above the table filter on the server: an exact ID, part of a name or an email, the gender and the status. Escape in a filter field, or Clear, shows all users again.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Filter&lt;/h3&gt;&lt;p&gt;Die Felder über der Tabelle filtern auf dem Server: eine genaue ID, ein Teil eines Namens oder einer E-Mail, das Geschlecht und der Status. Escape in einem Filterfeld oder „Leeren“ zeigt wieder alle Benutzer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Creating, editing and deleting&lt;/h3&gt;&lt;p&gt;New opens an empty form; Enter or Edit opens the selected user. A change the server refuses is shown beside its field, and the form keeps what you typed. Delete asks first and works on every selected user.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Anlegen, Bearbeiten und Löschen&lt;/h3&gt;&lt;p&gt;„Neu“ öffnet ein leeres Formular; Enter oder „Bearbeiten“ öffnet den ausgewählten Benutzer. Eine Änderung, die der Server ablehnt, wird neben ihrem Feld angezeigt, und das Formular behält, was Sie eingegeben haben. „Löschen“ fragt zuerst und wirkt auf alle ausgewählten Benutzer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Export&lt;/h3&gt;&lt;p&gt;File &amp;gt; Export writes all matching users (loading the rest first), the loaded ones or the selected ones as CSV or JSON, and says how many of how many it wrote.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Export&lt;/h3&gt;&lt;p&gt;Datei &amp;gt; Exportieren schreibt alle passenden Benutzer (lädt zuerst den Rest), die geladenen oder die ausgewählten als CSV oder JSON und sagt, wie viele von wie vielen es geschrieben hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Profiles and tokens&lt;/h3&gt;&lt;p&gt;Preferences keeps one profile per server, with its token in the system keychain. Test connection says whether the server answers, how many users it has, and whether it accepts the token for changes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Profile und Token&lt;/h3&gt;&lt;p&gt;Die Einstellungen halten ein Profil je Server, mit seinem Token im Schlüsselbund des Systems. „Verbindung testen“ sagt, ob der Server antwortet, wie viele Benutzer er hat und ob er das Token für Änderungen annimmt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The request log&lt;/h3&gt;&lt;p&gt;The log below the table lists every request with its answer; it can copy one as a curl command, with the token left out.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Das Anfrageprotokoll&lt;/h3&gt;&lt;p&gt;Das Protokoll unter der Tabelle listet jede Anfrage mit ihrer Antwort; es kann eine als curl-Befehl kopieren, ohne das Token.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>UserDesk::ImportDialog</name>
    <message>
        <source>&amp;Dry Run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>Check every row and say what an import would do; nothing is sent</source>
        <translation>Jede Zeile prüfen und sagen, was ein Import tun würde; nichts wird gesendet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Spalte für %1</translation>
    </message>
    <message>
        <source>Choose a column</source>
        <translation>Spalte wählen</translation>
    </message>
    <message>
        <source>Choose a CSV file (with a header row) or a JSON file (an array of objects, or one object per line).</source>
        <translation>Wählen Sie eine CSV-Datei (mit Kopfzeile) oder eine JSON-Datei (ein Array von Objekten oder ein Objekt pro Zeile).</translation>
    </message>
    <message>
        <source>Import Users</source>
        <translation>Benutzer importieren</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>Die Datei enthält keine Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n User(s)</source>
        <translation>
            <numerusform>%n Benutzer &amp;importieren</numerusform>
            <numerusform>%n Benutzer &amp;importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>%n Zeile gelesen.</numerusform>
            <numerusform>%n Zeilen gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Nicht importierte Spalten: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n user(s).</source>
        <translation>
            <numerusform>Probelauf: Ein Import würde %n Benutzer anlegen.</numerusform>
            <numerusform>Probelauf: Ein Import würde %n Benutzer anlegen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors would be left out.</source>
        <translation>
            <numerusform>%n Zeile mit Fehlern würde ausgelassen.</numerusform>
            <numerusform>%n Zeilen mit Fehlern würden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors (shown beside them) will not be imported.</source>
        <translation>
            <numerusform>%n Zeile mit Fehlern (daneben angezeigt) wird nicht importiert.</numerusform>
            <numerusform>%n Zeilen mit Fehlern (daneben angezeigt) werden nicht importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>For &amp;post:</source>
        <translation>Für &amp;Beitrag:</translation>
    </message>
    <message>
        <source>For &amp;user:</source>
        <translation>Für &amp;Benutzer:</translation>
    </message>
    <message>
        <source>the post_id column of each row</source>
        <translation>die Spalte post_id jeder Zeile</translation>
    </message>
    <message>
        <source>the user_id column of each row</source>
        <translation>die Spalte user_id jeder Zeile</translation>
    </message>
    <message>
        <source>Post every row goes under</source>
        <translation>Beitrag, zu dem jede Zeile gehört</translation>
    </message>
    <message>
        <source>User every row goes under</source>
        <translation>Benutzer, zu dem jede Zeile gehört</translation>
    </message>
    <message>
        <source>Import Comments</source>
        <translation>Kommentare importieren</translation>
    </message>
    <message>
        <source>Import Posts</source>
        <translation>Beiträge importieren</translation>
    </message>
    <message>
        <source>Import Todos</source>
        <translation>Aufgaben importieren</translation>
    </message>
    <message>
        <source>%1 from:</source>
        <translation>%1 aus:</translation>
    </message>
    <message>
        <source>CSV and JSON files (*.csv *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>CSV- und JSON-Dateien (*.csv *.json *.ndjson *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an id; give the id of the %2 every row goes under, or leave it empty to take it from the %3 column.</source>
        <translation>„%1“ ist keine ID; geben Sie die ID des %2 an, zu dem jede Zeile gehört, oder lassen Sie das Feld leer, um sie aus der Spalte %3 zu nehmen.</translation>
    </message>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Post(s)</source>
        <translation>
            <numerusform>%n Beitrag &amp;importieren</numerusform>
            <numerusform>%n Beiträge &amp;importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Comment(s)</source>
        <translation>
            <numerusform>%n Kommentar &amp;importieren</numerusform>
            <numerusform>%n Kommentare &amp;importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe &amp;importieren</numerusform>
            <numerusform>%n Aufgaben &amp;importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n post(s).</source>
        <translation>
            <numerusform>Probelauf: Ein Import würde %n Beitrag anlegen.</numerusform>
            <numerusform>Probelauf: Ein Import würde %n Beiträge anlegen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n comment(s).</source>
        <translation>
            <numerusform>Probelauf: Ein Import würde %n Kommentar anlegen.</numerusform>
            <numerusform>Probelauf: Ein Import würde %n Kommentare anlegen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n todo(s).</source>
        <translation>
            <numerusform>Probelauf: Ein Import würde %n Aufgabe anlegen.</numerusform>
            <numerusform>Probelauf: Ein Import würde %n Aufgaben anlegen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::ImportTable</name>
    <message>
        <source>The file %1 could not be read: %2.</source>
        <translation>Die Datei %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB; split it into smaller files.</source>
        <translation>Die Datei %1 ist größer als %2 MB; teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as UTF-8 and import it again.</source>
        <translation>Die Datei ist kein UTF-8-Text; speichern Sie sie als UTF-8 und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>Line %1 has a quote inside an unquoted field; put the field in quotes and double the quote.</source>
        <translation>Zeile %1 enthält ein Anführungszeichen in einem Feld ohne Anführungszeichen; setzen Sie das Feld in Anführungszeichen und verdoppeln Sie das Anführungszeichen.</translation>
    </message>
    <message>
        <source>Line %1 has text after the closing quote of a field.</source>
        <translation>Zeile %1 enthält Text nach dem schließenden Anführungszeichen eines Feldes.</translation>
    </message>
    <message>
        <source>Line %1 opens a quoted field that is never closed.</source>
        <translation>Zeile %1 öffnet ein Feld in Anführungszeichen, das nie geschlossen wird.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Line %1 has %2 fields but the header has %3.</source>
        <translation>Zeile %1 hat %2 Felder, die Kopfzeile aber %3.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 on line %2.</source>
        <translation>Die Datei ist kein gültiges JSON: %1 in Zeile %2.</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Line %1 is not valid JSON: %2.</source>
        <translation>Zeile %1 ist kein gültiges JSON: %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
</context>
<context>
    <name>UserDesk::JobBanner</name>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Finish the job: what may have been sent is checked on the server first, so nothing is created, changed or deleted twice</source>
        <translation>Den Job abschließen: Was gesendet worden sein könnte, wird zuerst auf dem Server geprüft, sodass nichts doppelt angelegt, geändert oder gelöscht wird</translation>
    </message>
    <message>
        <source>Forget the job: what it did stays done, and the rest is never sent</source>
        <translation>Den Job vergessen: Was er getan hat, bleibt getan, und der Rest wird nie gesendet</translation>
    </message>
    <message>
        <source>%1 stopped after %2 of them.</source>
        <translation>%1 wurde nach %2 davon angehalten.</translation>
    </message>
    <message numerus="yes">
        <source>For %n of them it is not known whether the server applied them; Resume checks the server before sending those again.</source>
        <translation>
            <numerusform>Bei %n davon ist nicht bekannt, ob der Server sie ausgeführt hat; Fortsetzen prüft den Server, bevor es sie erneut sendet.</numerusform>
            <numerusform>Bei %n davon ist nicht bekannt, ob der Server sie ausgeführt hat; Fortsetzen prüft den Server, bevor es sie erneut sendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>the built-in sandbox</source>
        <translation>die eingebaute Sandbox</translation>
    </message>
    <message>
        <source>It was started against %1; switch to the profile that points there to resume it.</source>
        <translation>Er wurde gegen %1 gestartet; wechseln Sie zu dem Profil, das dorthin zeigt, um ihn fortzusetzen.</translation>
    </message>
    <message numerus="yes">
        <source>(%n more unfinished job(s) after this one.)</source>
        <translation>
            <numerusform>(Danach noch %n unfertiger Job.)</numerusform>
            <numerusform>(Danach noch %n unfertige Jobs.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobController</name>
    <message>
        <source>The job could not be written to the journal, so nothing was sent: %1</source>
        <translation>Der Job konnte nicht ins Journal geschrieben werden, daher wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>There is no server to send the job to; connect to a profile first.</source>
        <translation>Es gibt keinen Server, an den der Job gesendet werden kann; verbinden Sie sich zuerst mit einem Profil.</translation>
    </message>
    <message>
        <source>user %1 (%2)</source>
        <translation>Benutzer %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer löschen</numerusform>
            <numerusform>%n Benutzer löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation>
            <numerusform>%1 bei %n Benutzer setzen</numerusform>
            <numerusform>%1 bei %n Benutzern setzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 is no longer in the journal.</source>
        <translation>Job %1 ist nicht mehr im Journal.</translation>
    </message>
    <message>
        <source>Job %1 is finished; there is nothing left to resume.</source>
        <translation>Job %1 ist abgeschlossen; es gibt nichts mehr fortzusetzen.</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; wait for it to end or stop it first.</source>
        <translation>Job %1 wird von Prozess %2 ausgeführt; warten Sie, bis er endet, oder beenden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Job %1 was started against %2; switch to the profile that points there to resume it.</source>
        <translation>Job %1 wurde gegen %2 gestartet; wechseln Sie zu dem Profil, das dorthin zeigt, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Job %1 could not be taken over: %2</source>
        <translation>Job %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>Job %1 is running; stop it before discarding it.</source>
        <translation>Job %1 läuft; halten Sie ihn an, bevor Sie ihn verwerfen.</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; stop it before discarding it.</source>
        <translation>Job %1 wird von Prozess %2 ausgeführt; beenden Sie ihn, bevor Sie ihn verwerfen.</translation>
    </message>
    <message numerus="yes">
        <source>An import of %n user(s)</source>
        <translation>
            <numerusform>Ein Import von %n Benutzer</numerusform>
            <numerusform>Ein Import von %n Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bulk edit of %n user(s)</source>
        <translation>
            <numerusform>Eine Massenbearbeitung von %n Benutzer</numerusform>
            <numerusform>Eine Massenbearbeitung von %n Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bulk delete of %n user(s)</source>
        <translation>
            <numerusform>Ein Massenlöschen von %n Benutzer</numerusform>
            <numerusform>Ein Massenlöschen von %n Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A job of %n item(s)</source>
        <translation>
            <numerusform>Ein Job mit %n Eintrag</numerusform>
            <numerusform>Ein Job mit %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %v of %m</source>
        <translation>Importiere %v von %m</translation>
    </message>
    <message>
        <source>Editing %v of %m</source>
        <translation>Bearbeite %v von %m</translation>
    </message>
    <message>
        <source>Deleting %v of %m</source>
        <translation>%v von %m werden gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>An import of %n post(s)</source>
        <translation>
            <numerusform>Ein Import von %n Beitrag</numerusform>
            <numerusform>Ein Import von %n Beiträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An import of %n comment(s)</source>
        <translation>
            <numerusform>Ein Import von %n Kommentar</numerusform>
            <numerusform>Ein Import von %n Kommentaren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An import of %n todo(s)</source>
        <translation>
            <numerusform>Ein Import von %n Aufgabe</numerusform>
            <numerusform>Ein Import von %n Aufgaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobJournal</name>
    <message>
        <source>The job journal could not prepare a statement: %1.</source>
        <translation>Das Job-Journal konnte eine Anweisung nicht vorbereiten: %1.</translation>
    </message>
    <message>
        <source>The job journal could not be written: %1.</source>
        <translation>Das Job-Journal konnte nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The folder of the job journal, %1, could not be created.</source>
        <translation>Der Ordner des Job-Journals, %1, konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The job journal %1 could not be opened: %2.</source>
        <translation>Das Job-Journal %1 konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>The job journal %1 was written by a newer UserDesk (format %2); this one reads format %3 at most.</source>
        <translation>Das Job-Journal %1 wurde von einem neueren UserDesk geschrieben (Format %2); diese Version liest höchstens Format %3.</translation>
    </message>
    <message>
        <source>The job journal could not start a transaction: %1.</source>
        <translation>Das Job-Journal konnte keine Transaktion starten: %1.</translation>
    </message>
    <message>
        <source>The job journal could not record the job: %1.</source>
        <translation>Das Job-Journal konnte den Job nicht erfassen: %1.</translation>
    </message>
    <message>
        <source>The job journal could not record item %1: %2.</source>
        <translation>Das Job-Journal konnte Eintrag %1 nicht erfassen: %2.</translation>
    </message>
    <message>
        <source>The job journal could not commit the job: %1.</source>
        <translation>Das Job-Journal konnte den Job nicht festschreiben: %1.</translation>
    </message>
    <message>
        <source>The job journal is not open.</source>
        <translation>Das Job-Journal ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The job journal could not be read: %1.</source>
        <translation>Das Job-Journal konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Another process took job %1 first.</source>
        <translation>Ein anderer Prozess hat Job %1 zuerst übernommen.</translation>
    </message>
</context>
<context>
    <name>UserDesk::JobStatusWidget</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Bulk job progress</source>
        <translation>Fortschritt des Massenjobs</translation>
    </message>
    <message>
        <source>Stop the bulk job</source>
        <translation>Den Massenjob anhalten</translation>
    </message>
    <message>
        <source>Send no more of this job&apos;s requests; what is done stays done, and the job can be resumed from the banner or with &apos;userdesk-cli jobs resume&apos;</source>
        <translation>Keine weiteren Anfragen dieses Jobs senden; Erledigtes bleibt erledigt, und der Job kann über das Banner oder mit &apos;userdesk-cli jobs resume&apos; fortgesetzt werden</translation>
    </message>
    <message numerus="yes">
        <source>%n more job(s) waiting</source>
        <translation>
            <numerusform>%n weiterer Job wartet</numerusform>
            <numerusform>%n weitere Jobs warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsCommands</name>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>Siehe „userdesk-cli --help“.</translation>
    </message>
    <message>
        <source>Create users from a CSV file (with a header row) or a JSON file (an array of objects, or one object per line). Every row is checked first; the job is journaled, paced under the server&apos;s rate limit, and prints one line per row as it ends. If it is cut off, &apos;jobs resume ID&apos; finishes it without creating anyone twice.</source>
        <translation>Benutzer aus einer CSV-Datei (mit Kopfzeile) oder einer JSON-Datei (ein Array von Objekten oder ein Objekt pro Zeile) anlegen. Jede Zeile wird zuerst geprüft; der Job wird im Journal erfasst, unterhalb der Ratenbegrenzung des Servers getaktet und gibt für jede Zeile eine Zeile aus, sobald sie abgeschlossen ist. Wird er abgebrochen, beendet ihn &apos;jobs resume ID&apos;, ohne jemanden doppelt anzulegen.</translation>
    </message>
    <message>
        <source>The CSV or JSON file.</source>
        <translation>Die CSV- oder JSON-Datei.</translation>
    </message>
    <message>
        <source>Check every row and print what would be sent; send nothing.</source>
        <translation>Jede Zeile prüfen und ausgeben, was gesendet würde; nichts senden.</translation>
    </message>
    <message>
        <source>Take FIELD (name, email, gender, status) from COLUMN (repeatable).</source>
        <translation>FELD (name, email, gender, status) aus SPALTE nehmen (wiederholbar).</translation>
    </message>
    <message>
        <source>field=column</source>
        <translation>Feld=Spalte</translation>
    </message>
    <message>
        <source>csv or json (default: by the file&apos;s extension, else its content).</source>
        <translation>csv oder json (Standard: nach der Dateiendung, sonst nach dem Inhalt).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Import the valid rows even when others are invalid.</source>
        <translation>Die gültigen Zeilen importieren, auch wenn andere ungültig sind.</translation>
    </message>
    <message>
        <source>users import takes exactly one file</source>
        <translation>users import erwartet genau eine Datei</translation>
    </message>
    <message>
        <source>bad mapping &quot;%1&quot;: use FIELD=COLUMN, e.g. name=&quot;Full name&quot;</source>
        <translation>ungültige Zuordnung „%1“: verwenden Sie FELD=SPALTE, z. B. name=&quot;Full name&quot;</translation>
    </message>
    <message>
        <source>would create %1 (%2)</source>
        <translation>würde %1 anlegen (%2)</translation>
    </message>
    <message>
        <source>invalid %1: %2</source>
        <translation>%1 ungültig: %2</translation>
    </message>
    <message>
        <source>The file holds no valid row; nothing was sent.</source>
        <translation>Die Datei enthält keine gültige Zeile; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Set the same fields on many users (PATCH each); journaled and resumable.</source>
        <translation>Dieselben Felder bei vielen Benutzern setzen (je ein PATCH); im Journal erfasst und fortsetzbar.</translation>
    </message>
    <message>
        <source>User ids, separated by spaces or commas.</source>
        <translation>Benutzer-IDs, durch Leerzeichen oder Kommas getrennt.</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>User ids, separated by commas (repeatable).</source>
        <translation>Benutzer-IDs, durch Kommas getrennt (wiederholbar).</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>IDs</translation>
    </message>
    <message>
        <source>Full name.</source>
        <translation>Vollständiger Name.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>male or female.</source>
        <translation>male oder female.</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>active or inactive.</source>
        <translation>active oder inactive.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id</source>
        <translation>„%1“ ist keine Benutzer-ID</translation>
    </message>
    <message>
        <source>users bulk-update needs at least one id</source>
        <translation>users bulk-update braucht mindestens eine ID</translation>
    </message>
    <message>
        <source>nothing to change: give --name, --gender or --status</source>
        <translation>nichts zu ändern: geben Sie --name, --gender oder --status an</translation>
    </message>
    <message>
        <source>The new values are not valid; nothing was sent.</source>
        <translation>Die neuen Werte sind ungültig; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Delete many users; journaled and resumable.</source>
        <translation>Viele Benutzer löschen; im Journal erfasst und fortsetzbar.</translation>
    </message>
    <message>
        <source>users bulk-delete needs at least one id</source>
        <translation>users bulk-delete braucht mindestens eine ID</translation>
    </message>
    <message>
        <source>The job could not be written to the journal, so nothing was sent: %1</source>
        <translation>Der Job konnte nicht ins Journal geschrieben werden, daher wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>created %1 %2 (%3)</source>
        <translation>%1 %2 angelegt (%3)</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>failed %1: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>unknown %1: %2</source>
        <translation>%1 unbekannt: %2</translation>
    </message>
    <message>
        <source>job %1: %2 applied, %3 failed, %4 not known, %5 not sent.</source>
        <translation>Job %1: %2 ausgeführt, %3 fehlgeschlagen, %4 unbekannt, %5 nicht gesendet.</translation>
    </message>
    <message>
        <source>Job %1 is not finished; &apos;userdesk-cli jobs resume %1&apos; finishes it, reading the server first for what may have been sent, so nothing is repeated.</source>
        <translation>Job %1 ist nicht abgeschlossen; &apos;userdesk-cli jobs resume %1&apos; beendet ihn und liest zuerst vom Server, was bereits gesendet worden sein könnte, sodass nichts wiederholt wird.</translation>
    </message>
    <message>
        <source>jobs needs a command: list, resume ID or discard ID</source>
        <translation>jobs braucht einen Befehl: list, resume ID oder discard ID</translation>
    </message>
    <message>
        <source>unknown jobs command &quot;%1&quot;</source>
        <translation>unbekannter jobs-Befehl „%1“</translation>
    </message>
    <message>
        <source>List the jobs in the journal that are not finished (all with --all).</source>
        <translation>Die nicht abgeschlossenen Jobs im Journal auflisten (alle mit --all).</translation>
    </message>
    <message>
        <source>Also list finished jobs.</source>
        <translation>Auch abgeschlossene Jobs auflisten.</translation>
    </message>
    <message>
        <source>Finish a job that was cut off: outcomes not known are settled by reading the server first, so nothing is created, changed or deleted twice.</source>
        <translation>Einen abgebrochenen Job beenden: Unbekannte Ergebnisse werden zuerst durch Lesen vom Server geklärt, sodass nichts doppelt angelegt, geändert oder gelöscht wird.</translation>
    </message>
    <message>
        <source>The job&apos;s id (see &apos;jobs list&apos;).</source>
        <translation>Die ID des Jobs (siehe &apos;jobs list&apos;).</translation>
    </message>
    <message>
        <source>jobs resume takes exactly one job id</source>
        <translation>jobs resume erwartet genau eine Job-ID</translation>
    </message>
    <message>
        <source>There is no job %1 in the journal; &apos;userdesk-cli jobs list&apos; shows them.</source>
        <translation>Im Journal gibt es keinen Job %1; &apos;userdesk-cli jobs list&apos; zeigt die vorhandenen.</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; wait for it to end or stop it first.</source>
        <translation>Job %1 wird von Prozess %2 ausgeführt; warten Sie, bis er endet, oder beenden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Job %1 was started against %2; resume it with --endpoint %2 (or the profile that points there).</source>
        <translation>Job %1 wurde gegen %2 gestartet; setzen Sie ihn mit --endpoint %2 fort (oder mit dem Profil, das dorthin zeigt).</translation>
    </message>
    <message>
        <source>Job %1 is finished: %2 applied, %3 failed; nothing to resume.</source>
        <translation>Job %1 ist abgeschlossen: %2 ausgeführt, %3 fehlgeschlagen; nichts fortzusetzen.</translation>
    </message>
    <message>
        <source>Forget a job: it is removed from the journal and cannot be resumed. What it already did stays done.</source>
        <translation>Einen Job vergessen: Er wird aus dem Journal entfernt und kann nicht fortgesetzt werden. Was er bereits getan hat, bleibt bestehen.</translation>
    </message>
    <message>
        <source>jobs discard takes exactly one job id</source>
        <translation>jobs discard erwartet genau eine Job-ID</translation>
    </message>
    <message>
        <source>There is no job %1 in the journal.</source>
        <translation>Im Journal gibt es keinen Job %1.</translation>
    </message>
    <message>
        <source>Job %1 is being run by process %2; stop it before discarding it.</source>
        <translation>Job %1 wird von Prozess %2 ausgeführt; beenden Sie ihn, bevor Sie ihn verwerfen.</translation>
    </message>
    <message>
        <source>Discarded job %1 (%2 applied, %3 failed, %4 not known, %5 never sent).</source>
        <translation>Job %1 verworfen (%2 ausgeführt, %3 fehlgeschlagen, %4 unbekannt, %5 nie gesendet).</translation>
    </message>
    <message>
        <source>Job %1 could not be taken over: %2</source>
        <translation>Job %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %1 of %Ln row(s) can be imported; nothing was sent.</source>
        <translation>
            <numerusform>Probelauf: %1 von %Ln Zeile kann importiert werden; nichts wurde gesendet.</numerusform>
            <numerusform>Probelauf: %1 von %Ln Zeilen können importiert werden; nichts wurde gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid rows: %1 of %2, so nothing was sent; fix them, or pass --skip-invalid to import the other %3.</source>
        <translation>Ungültige Zeilen: %1 von %2, daher wurde nichts gesendet; korrigieren Sie sie oder geben Sie --skip-invalid an, um die übrigen %3 zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation>
            <numerusform>%1 bei %n Benutzer setzen</numerusform>
            <numerusform>%1 bei %n Benutzern setzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer löschen</numerusform>
            <numerusform>%n Benutzer löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>job %1: %2 of %Ln item(s); if it is cut off, finish it with &apos;userdesk-cli jobs resume %1&apos;.</source>
        <translation>
            <numerusform>Auftrag %1: %2 mit %Ln Eintrag; wird er abgebrochen, beenden Sie ihn mit &apos;userdesk-cli jobs resume %1&apos;.</numerusform>
            <numerusform>Auftrag %1: %2 mit %Ln Einträgen; wird er abgebrochen, beenden Sie ihn mit &apos;userdesk-cli jobs resume %1&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 was started against the built-in sandbox of the UserDesk window (data folder %2), which only the window runs; resume it from the window, which offers it when it starts with that data folder.</source>
        <translation>Auftrag %1 wurde gegen die eingebaute Sandbox des UserDesk-Fensters gestartet (Datenordner %2), die nur das Fenster betreibt; setzen Sie ihn im Fenster fort, das ihn anbietet, wenn es mit diesem Datenordner startet.</translation>
    </message>
    <message>
        <source>text or ndjson (one JSON object a line, each printed as it ends).</source>
        <translation>text oder ndjson (ein JSON-Objekt pro Zeile, jedes ausgegeben, sobald es fertig ist).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>text or ndjson (one JSON object a line, each printed as it ends); csv or json here name the file&apos;s format, as --input-format does.</source>
        <translation>text oder ndjson (ein JSON-Objekt pro Zeile, jedes ausgegeben, sobald es fertig ist); csv oder json nennen hier das Format der Datei, wie --input-format.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>--format must be text or ndjson</source>
        <translation>--format muss text oder ndjson sein</translation>
    </message>
    <message>
        <source>--input-format must be csv or json</source>
        <translation>--input-format muss csv oder json sein</translation>
    </message>
    <message>
        <source>Create records from a CSV file (with a header row) or a JSON file (an array of objects, or one object per line). Every row is checked against the resource&apos;s fields first; the job is journaled, paced under the server&apos;s rate limit, and prints one line per row as it ends. If it is cut off, &apos;jobs resume ID&apos; finishes it without creating a record twice.</source>
        <translation>Datensätze aus einer CSV-Datei (mit Kopfzeile) oder einer JSON-Datei (ein Array von Objekten oder ein Objekt pro Zeile) anlegen. Jede Zeile wird zuerst gegen die Felder der Ressource geprüft; der Job wird im Journal erfasst, unterhalb der Ratenbegrenzung des Servers getaktet und gibt für jede Zeile eine Zeile aus, sobald sie abgeschlossen ist. Wird er abgebrochen, beendet &apos;jobs resume ID&apos; ihn, ohne einen Datensatz doppelt anzulegen.</translation>
    </message>
    <message>
        <source>Take FIELD (%1) from COLUMN (repeatable).</source>
        <translation>FELD (%1) aus SPALTE nehmen (wiederholbar).</translation>
    </message>
    <message>
        <source>%1 import takes exactly one file</source>
        <translation>%1 import erwartet genau eine Datei</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 id</source>
        <translation>„%1“ ist keine %2-ID</translation>
    </message>
    <message>
        <source>would create %1 &quot;%2&quot; (%3)</source>
        <translation>würde %1 „%2“ anlegen (%3)</translation>
    </message>
    <message>
        <source>already deleted %1</source>
        <translation>%1 war schon gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation>
            <numerusform>%n davon war auf dem Server bereits gelöscht.</numerusform>
            <numerusform>%n davon waren auf dem Server bereits gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsFlow</name>
    <message>
        <source>&amp;Bulk Edit…</source>
        <translation>&amp;Massenbearbeitung…</translation>
    </message>
    <message>
        <source>Set one field to the same value on every selected user</source>
        <translation>Ein Feld bei jedem ausgewählten Benutzer auf denselben Wert setzen</translation>
    </message>
    <message>
        <source>A bulk job</source>
        <translation>Ein Massenjob</translation>
    </message>
    <message>
        <source>A bulk job is running</source>
        <translation>Ein Massenjob läuft</translation>
    </message>
    <message>
        <source>%1 is running (%2 of them done). Stop it now? It stays in the journal, and the next start offers to resume it. Or wait for it to finish, and quit then.</source>
        <translation>%1 läuft (%2 davon erledigt). Jetzt anhalten? Er bleibt im Journal, und der nächste Start bietet an, ihn fortzusetzen. Oder warten, bis er fertig ist, und dann beenden.</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Anhalten und beenden</translation>
    </message>
    <message>
        <source>Wait, then Quit</source>
        <translation>Warten, dann beenden</translation>
    </message>
    <message>
        <source>UserDesk quits when the bulk job ends.</source>
        <translation>UserDesk wird beendet, wenn der Massenjob endet.</translation>
    </message>
    <message>
        <source>%1 finished: %2 applied, %3 not applied.</source>
        <translation>%1 ist fertig: %2 ausgeführt, %3 nicht ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation>
            <numerusform>%n davon war auf dem Server bereits gelöscht.</numerusform>
            <numerusform>%n davon waren auf dem Server bereits gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped: %2 applied, %3 not applied, %4 not known, %5 not sent yet; it can be resumed.</source>
        <translation>%1 wurde angehalten: %2 ausgeführt, %3 nicht ausgeführt, %4 unbekannt, %5 noch nicht gesendet; er kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Bulk job finished</source>
        <translation>Massenjob fertig</translation>
    </message>
    <message>
        <source>Bulk job stopped</source>
        <translation>Massenjob angehalten</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weiterer</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>Some items were not applied</source>
        <translation>Einige Einträge wurden nicht ausgeführt</translation>
    </message>
    <message>
        <source>These were not applied:</source>
        <translation>Diese wurden nicht ausgeführt:</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Create users, posts, comments or todos from a CSV or JSON file, checked row by row first</source>
        <translation>Benutzer, Beiträge, Kommentare oder Aufgaben aus einer CSV- oder JSON-Datei anlegen, zuerst Zeile für Zeile geprüft</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. Either way it is dropped when you quit, and nothing of it is deleted.</source>
        <translation>
            <numerusform>Das Löschen von %n Benutzer wurde noch nicht gesendet. In beiden Fällen wird es beim Beenden verworfen, und davon wird nichts gelöscht.</numerusform>
            <numerusform>Das Löschen von %n Benutzern wurde noch nicht gesendet. In beiden Fällen wird es beim Beenden verworfen, und davon wird nichts gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A bulk job is running and a delete is not sent yet</source>
        <translation>Ein Massenjob läuft, und ein Löschen ist noch nicht gesendet</translation>
    </message>
</context>
<context>
    <name>UserDesk::Json</name>
    <message>
        <source>field &quot;%1&quot; is not a valid id</source>
        <translation>Feld „%1“ ist keine gültige ID</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>Feld „%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>the answer is empty where JSON was expected</source>
        <translation>die Antwort ist leer, obwohl JSON erwartet wurde</translation>
    </message>
    <message>
        <source>the JSON is nested deeper than %1 levels</source>
        <translation>das JSON ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>the answer is an HTML page, not JSON</source>
        <translation>die Antwort ist eine HTML-Seite, kein JSON</translation>
    </message>
    <message>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>a post must be a JSON object</source>
        <translation>ein Beitrag muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>a todo must be a JSON object</source>
        <translation>eine Aufgabe muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>a user must be a JSON object</source>
        <translation>ein Benutzer muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a number or a string</source>
        <translation>Feld „%1“ muss eine Zahl oder eine Zeichenkette sein</translation>
    </message>
</context>
<context>
    <name>UserDesk::LanguagePage</name>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>UserDesk shows the chosen language the next time it starts.</source>
        <translation>UserDesk zeigt die gewählte Sprache beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>UserDesk::MainWindow</name>
    <message>
        <source>Loading the users was canceled.</source>
        <translation>Das Laden der Benutzer wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not load the users: %1</source>
        <translation>Die Benutzer konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source> Profile: </source>
        <translation> Profil: </translation>
    </message>
    <message>
        <source>About UserDesk</source>
        <translation>Über UserDesk</translation>
    </message>
    <message>
        <source>UserDesk %1
A desktop client for GoRest-style users APIs.</source>
        <translation>UserDesk %1
Ein Desktop-Client für Benutzer-APIs im Stil von GoRest.</translation>
    </message>
    <message>
        <source>There is no profile to work with. Open Preferences to add one.</source>
        <translation>Es gibt kein Profil, mit dem gearbeitet werden kann. Öffnen Sie die Einstellungen, um eines hinzuzufügen.</translation>
    </message>
    <message>
        <source>%1 — UserDesk</source>
        <translation>%1 — UserDesk</translation>
    </message>
    <message>
        <source>Starting the built-in sandbox…</source>
        <translation>Die eingebaute Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Created user %1 (%2).</source>
        <translation>Benutzer %1 (%2) angelegt.</translation>
    </message>
    <message>
        <source>Saved user %1 (%2).</source>
        <translation>Benutzer %1 (%2) gespeichert.</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — wird geladen…</translation>
    </message>
    <message>
        <source> — sorting…</source>
        <translation> — wird sortiert…</translation>
    </message>
</context>
<context>
    <name>UserDesk::NetworkPage</name>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>unverändert: zum Ersetzen eintippen, zum Entfernen leeren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
</context>
<context>
    <name>UserDesk::NetworkStatusWidget</name>
    <message>
        <source>Waiting for the server…</source>
        <translation>Warten auf den Server…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading the users</source>
        <translation>Laden der Benutzer anhalten</translation>
    </message>
    <message>
        <source>Stop waiting and give up on this request</source>
        <translation>Nicht länger warten und diese Anfrage aufgeben</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Rate limit: %1 of %2 left</source>
        <translation>Ratenbegrenzung: %1 von %2 übrig</translation>
    </message>
    <message>
        <source>The allowance refills in %1 s.</source>
        <translation>Das Kontingent wird in %1 s wieder aufgefüllt.</translation>
    </message>
    <message>
        <source>Holding back %1 s to stay inside the server&apos;s rate limit…</source>
        <translation>%1 s Pause, um die Ratenbegrenzung des Servers einzuhalten…</translation>
    </message>
    <message>
        <source>Retrying in %1 s, attempt %2 of %3</source>
        <translation>Neuer Versuch in %1 s, Versuch %2 von %3</translation>
    </message>
    <message>
        <source>Retrying now, attempt %1 of %2…</source>
        <translation>Neuer Versuch läuft, Versuch %1 von %2…</translation>
    </message>
    <message>
        <source>Loading users: %v of %m</source>
        <translation>Benutzer werden geladen: %v von %m</translation>
    </message>
    <message>
        <source>Load no more pages; the users loaded so far stay</source>
        <translation>Keine weiteren Seiten laden; die bisher geladenen Benutzer bleiben</translation>
    </message>
</context>
<context>
    <name>UserDesk::PagingGuard</name>
    <message>
        <source>Page %1 was empty, so the list ends there.</source>
        <translation>Seite %1 war leer, daher endet die Liste dort.</translation>
    </message>
    <message>
        <source>Page %1 repeated page %2 item for item: the server seems to ignore the page asked for, so no further page was requested.</source>
        <translation>Seite %1 wiederholte Seite %2 Eintrag für Eintrag: Der Server scheint die angeforderte Seite zu ignorieren, daher wurde keine weitere Seite angefordert.</translation>
    </message>
    <message>
        <source>Page %1 held only items already seen on earlier pages, so no further page was requested.</source>
        <translation>Seite %1 enthielt nur Einträge, die bereits auf früheren Seiten vorkamen, daher wurde keine weitere Seite angefordert.</translation>
    </message>
    <message numerus="yes">
        <source>The server sent %Ln item(s) for page %1 where %2 were asked for: it does not page this list the way it was asked to, so no further page was requested.</source>
        <translation>
            <numerusform>Der Server sandte %Ln Eintrag für Seite %1, wo %2 angefragt waren: Er blättert diese Liste nicht wie verlangt, daher wurde keine weitere Seite angefragt.</numerusform>
            <numerusform>Der Server sandte %Ln Einträge für Seite %1, wo %2 angefragt waren: Er blättert diese Liste nicht wie verlangt, daher wurde keine weitere Seite angefragt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list was cut after %Ln page(s), the most read in one go; the server says there is more.</source>
        <translation>
            <numerusform>Die Liste wurde nach %Ln Seite abgeschnitten, dem Höchstmaß für einen Durchgang; der Server sagt, es gibt mehr.</numerusform>
            <numerusform>Die Liste wurde nach %Ln Seiten abgeschnitten, dem Höchstmaß für einen Durchgang; der Server sagt, es gibt mehr.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::Profile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The base URL is missing or malformed.</source>
        <translation>Die Basis-URL fehlt oder ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>Die Basis-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The base URL has no host name.</source>
        <translation>Die Basis-URL enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password; use the token field.</source>
        <translation>Die Basis-URL darf keinen Benutzernamen und kein Passwort enthalten; verwenden Sie das Token-Feld.</translation>
    </message>
    <message>
        <source>The page size must be between %1 and %2.</source>
        <translation>Die Seitengröße muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>The timeout must be between %1 and %2 seconds.</source>
        <translation>Das Zeitlimit muss zwischen %1 und %2 Sekunden liegen.</translation>
    </message>
    <message>
        <source>The number of attempts must be between %1 and %2.</source>
        <translation>Die Anzahl der Versuche muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>The number of concurrent requests must be between %1 and %2.</source>
        <translation>Die Anzahl gleichzeitiger Anfragen muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 certificate fingerprint.</source>
        <translation>„%1“ ist kein SHA-256-Zertifikatsfingerabdruck.</translation>
    </message>
    <message>
        <source>The client certificate needs a file.</source>
        <translation>Das Client-Zertifikat braucht eine Datei.</translation>
    </message>
    <message>
        <source>The client certificate needs the file of its private key.</source>
        <translation>Das Client-Zertifikat braucht die Datei seines privaten Schlüssels.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileComboBox</name>
    <message>
        <source>The endpoint UserDesk works with</source>
        <translation>Der Endpunkt, mit dem UserDesk arbeitet</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileServerPage</name>
    <message>
        <source>Automatic: find out on first contact</source>
        <translation>Automatisch: beim ersten Kontakt herausfinden</translation>
    </message>
    <message>
        <source>GoRest v2</source>
        <translation>GoRest v2</translation>
    </message>
    <message>
        <source>json-server 0.17</source>
        <translation>json-server 0.17</translation>
    </message>
    <message>
        <source>json-server 1.x</source>
        <translation>json-server 1.x</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>PEM certificate and private key</source>
        <translation>PEM-Zertifikat und privater Schlüssel</translation>
    </message>
    <message>
        <source>PKCS#12 file with a passphrase</source>
        <translation>PKCS#12-Datei mit einer Passphrase</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-Dateien (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>unverändert: zum Ersetzen eintippen, zum Entfernen leeren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>Not detected yet: UserDesk asks the server when it opens the profile.</source>
        <translation>Noch nicht erkannt: UserDesk fragt den Server, wenn es das Profil öffnet.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProfileStore</name>
    <message>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>Ein Profil namens „%1“ ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>UserDesk::ProxySettings</name>
    <message>
        <source>The proxy needs a host name.</source>
        <translation>Der Proxy braucht einen Hostnamen.</translation>
    </message>
    <message>
        <source>The proxy&apos;s host must be a name or an address, without a scheme or a path.</source>
        <translation>Der Host des Proxys muss ein Name oder eine Adresse sein, ohne Schema und ohne Pfad.</translation>
    </message>
    <message>
        <source>The proxy&apos;s port must be between 1 and 65535.</source>
        <translation>Der Port des Proxys muss zwischen 1 und 65535 liegen.</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordCascadeCount</name>
    <message>
        <source>Their posts, the comments on those posts and their todos go with them; for this many users they are not counted.</source>
        <translation>Ihre Beiträge, die Kommentare zu diesen Beiträgen und ihre Aufgaben werden mit gelöscht; bei so vielen Benutzern werden sie nicht gezählt.</translation>
    </message>
    <message>
        <source>Counting their posts, comments and todos…</source>
        <translation>Beiträge, Kommentare und Aufgaben werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln post(s)</source>
        <translation>
            <numerusform>mindestens %Ln Beitrag</numerusform>
            <numerusform>mindestens %Ln Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of posts</source>
        <translation>eine unbekannte Zahl von Beiträgen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s) on them</source>
        <translation>
            <numerusform>%Ln Kommentar dazu</numerusform>
            <numerusform>%Ln Kommentare dazu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln comment(s) on them</source>
        <translation>
            <numerusform>mindestens %Ln Kommentar dazu</numerusform>
            <numerusform>mindestens %Ln Kommentare dazu</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of comments on them</source>
        <translation>eine unbekannte Zahl von Kommentaren dazu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation>
            <numerusform>%Ln Aufgabe</numerusform>
            <numerusform>%Ln Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln todo(s)</source>
        <translation>
            <numerusform>mindestens %Ln Aufgabe</numerusform>
            <numerusform>mindestens %Ln Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of todos</source>
        <translation>eine unbekannte Zahl von Aufgaben</translation>
    </message>
    <message>
        <source>%1, %2 and %3 go with them.</source>
        <comment>posts, comments, todos</comment>
        <translation>%1, %2 und %3 werden mit gelöscht.</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordCommands</name>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: an ISO 8601 date or date and time; empty for none.</source>
        <translation>%1: ein Datum oder Datum mit Uhrzeit nach ISO 8601; leer für keines.</translation>
    </message>
    <message>
        <source>%1: the id of the %2 it belongs to.</source>
        <translation>%1: die ID des %2, zu dem es gehört.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>wert</translation>
    </message>
    <message>
        <source>Under this %1: the nested route (/%2/ID/%3).</source>
        <translation>Unter diesem %1: die verschachtelte Route (/%2/ID/%3).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>List records, page by page as they arrive.</source>
        <translation>Datensätze auflisten, Seite für Seite, wie sie eintreffen.</translation>
    </message>
    <message>
        <source>Fetch every page.</source>
        <translation>Jede Seite abrufen.</translation>
    </message>
    <message>
        <source>Page to fetch (default 1).</source>
        <translation>Abzurufende Seite (Standard: 1).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Records per page, 1 to 100 (default 100 with --all, else 20).</source>
        <translation>Datensätze pro Seite, 1 bis 100 (Standard 100 mit --all, sonst 20).</translation>
    </message>
    <message>
        <source>Server-side filter on a field: %1 (repeatable).</source>
        <translation>Serverseitiger Filter auf ein Feld: %1 (wiederholbar).</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>Schlüssel=Wert</translation>
    </message>
    <message>
        <source>With --all, read at most this many pages (default %1).</source>
        <translation>Mit --all höchstens so viele Seiten lesen (Standard %1).</translation>
    </message>
    <message>
        <source>Show one record.</source>
        <translation>Einen Datensatz anzeigen.</translation>
    </message>
    <message>
        <source>Create a record; prints the created record.</source>
        <translation>Einen Datensatz anlegen; gibt den angelegten Datensatz aus.</translation>
    </message>
    <message>
        <source>Change fields of a record (PATCH, or PUT with --put sending the whole record); prints the result.</source>
        <translation>Felder eines Datensatzes ändern (PATCH, oder PUT mit --put, das den ganzen Datensatz sendet); gibt das Ergebnis aus.</translation>
    </message>
    <message>
        <source>Send PUT with every field (those not given as they are now).</source>
        <translation>PUT mit jedem Feld senden (die nicht angegebenen so, wie sie jetzt sind).</translation>
    </message>
    <message>
        <source>Try &apos;userdesk-cli --help&apos;.</source>
        <translation>Siehe „userdesk-cli --help“.</translation>
    </message>
    <message>
        <source>The record&apos;s id.</source>
        <translation>Die ID des Datensatzes.</translation>
    </message>
    <message>
        <source>unknown %1 command &quot;%2&quot;</source>
        <translation>unbekannter %1-Befehl „%2“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 id</source>
        <translation>„%1“ ist keine %2-ID</translation>
    </message>
    <message>
        <source>--%1 takes an id, not &quot;%2&quot;</source>
        <translation>--%1 nimmt eine ID, nicht „%2“</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use %2</source>
        <translation>ungültiger Filter „%1“: verwenden Sie %2</translation>
    </message>
    <message>
        <source>--per-page must be between 1 and 100</source>
        <translation>--per-page muss zwischen 1 und 100 liegen</translation>
    </message>
    <message>
        <source>--page must be a positive number</source>
        <translation>--page muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>--max-pages must be a positive number</source>
        <translation>--max-pages muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>%1 get takes exactly one id</source>
        <translation>%1 get nimmt genau eine ID</translation>
    </message>
    <message>
        <source>%1 create takes no id; the server gives it</source>
        <translation>%1 create nimmt keine ID; der Server vergibt sie</translation>
    </message>
    <message>
        <source>give either --%1 or --%2, not both</source>
        <translation>geben Sie entweder --%1 oder --%2 an, nicht beide</translation>
    </message>
    <message>
        <source>%1 update takes exactly one id</source>
        <translation>%1 update nimmt genau eine ID</translation>
    </message>
    <message>
        <source>nothing to change: give at least one field option</source>
        <translation>nichts zu ändern: geben Sie mindestens eine Feldoption an</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an id</source>
        <translation>„%1“ ist keine ID</translation>
    </message>
    <message>
        <source>%1 delete needs at least one id</source>
        <translation>%1 delete braucht mindestens eine ID</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>unknown whether %1 was deleted: %2</source>
        <translation>unbekannt, ob %1 gelöscht wurde: %2</translation>
    </message>
    <message>
        <source>not deleted %1: stopped before it was sent</source>
        <translation>%1 nicht gelöscht: vor dem Senden angehalten</translation>
    </message>
    <message>
        <source>could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>table, json, csv or ndjson (one JSON object a line, each printed as it arrives).</source>
        <translation>table, json, csv oder ndjson (ein JSON-Objekt pro Zeile, jedes ausgegeben, sobald es eintrifft).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delete records by id; one line per record as it ends (deleted on stdout, the rest on stderr; with --format json, ndjson or csv every line on stdout).</source>
        <translation>Datensätze nach ID löschen; eine Zeile pro Datensatz, sobald er fertig ist (gelöscht auf stdout, der Rest auf stderr; mit --format json, ndjson oder csv jede Zeile auf stdout).</translation>
    </message>
    <message>
        <source>One or more record ids.</source>
        <translation>Eine oder mehrere Datensatz-IDs.</translation>
    </message>
    <message>
        <source>ID...</source>
        <translation>ID...</translation>
    </message>
    <message>
        <source>--format must be table, json, csv or ndjson</source>
        <translation>--format muss table, json, csv oder ndjson sein</translation>
    </message>
    <message>
        <source>%1 needs a command: list, get, create, update, delete or import</source>
        <translation>%1 braucht einen Befehl: list, get, create, update, delete oder import</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordDialog</name>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>todo</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>%1 %2 bearbeiten</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The %1 is still being saved. Stop waiting and close?</source>
        <translation>%1 wird noch gespeichert. Nicht mehr warten und schließen?</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>Ihre Eingaben wurden nicht gespeichert. Verwerfen?</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordForm</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Gesetzt</translation>
    </message>
    <message>
        <source>%1 is set</source>
        <translation>%1 ist gesetzt</translation>
    </message>
    <message>
        <source>In your local time; sent with its offset from UTC.</source>
        <translation>In Ihrer Ortszeit; wird mit ihrem Abstand zu UTC gesendet.</translation>
    </message>
    <message>
        <source> (optional):</source>
        <translation> (optional):</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordImport</name>
    <message>
        <source>The file holds no rows; an import of %1 needs one row (or object) per record.</source>
        <translation>Die Datei enthält keine Zeilen; ein Import von %1 braucht eine Zeile (oder ein Objekt) pro Datensatz.</translation>
    </message>
    <message>
        <source>There is no field &quot;%1&quot; of %2; the fields are %3.</source>
        <translation>Es gibt kein Feld „%1“ von %2; die Felder sind %3.</translation>
    </message>
    <message>
        <source>The file has no column &quot;%1&quot; to take %2 from.</source>
        <translation>Die Datei hat keine Spalte „%1“, aus der %2 übernommen werden könnte.</translation>
    </message>
    <message>
        <source>The file has no column for %1; name the columns %2, or map them.</source>
        <translation>Die Datei hat keine Spalte für %1; benennen Sie die Spalten %2 oder ordnen Sie sie zu.</translation>
    </message>
    <message>
        <source>%1: %2 %3.</source>
        <translation>%1: %2 %3.</translation>
    </message>
    <message>
        <source>%1: %2 is %3, but the import is for %2 %4 only.</source>
        <translation>%1: %2 ist %3, aber der Import gilt nur für %2 %4.</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordListPane</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln Kommentar</numerusform>
            <numerusform>%Ln Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation>
            <numerusform>%Ln Aufgabe</numerusform>
            <numerusform>%Ln Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>The change to %1 (ID %2) was not saved: %3</source>
        <translation>Die Änderung an %1 (ID %2) wurde nicht gespeichert: %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 loaded of %2</source>
        <translation>%1 geladen von %2</translation>
    </message>
    <message>
        <source>%1, sorted by %2</source>
        <translation>%1, sortiert nach %2</translation>
    </message>
    <message>
        <source>Sorted by %1: only the %2 loaded of %3</source>
        <translation>Sortiert nach %1: nur die %2 geladenen von %3</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>Delete post %1? The server may delete its comments with it.</source>
        <translation>Beitrag %1 löschen? Der Server löscht seine Kommentare möglicherweise mit.</translation>
    </message>
    <message>
        <source>Delete comment %1?</source>
        <translation>Kommentar %1 löschen?</translation>
    </message>
    <message>
        <source>Delete todo %1?</source>
        <translation>Aufgabe %1 löschen?</translation>
    </message>
    <message>
        <source>Delete?</source>
        <translation>Löschen?</translation>
    </message>
    <message>
        <source>Loading the comments was canceled.</source>
        <translation>Das Laden der Kommentare wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading the todos was canceled.</source>
        <translation>Das Laden der Aufgaben wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading the posts was canceled.</source>
        <translation>Das Laden der Beiträge wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordParser</name>
    <message>
        <source>a %1 object was expected</source>
        <translation>ein %1-Objekt wurde erwartet</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is missing</source>
        <translation>Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is null</source>
        <translation>Feld „%1“ ist null</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number</source>
        <translation>Feld „%1“ muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>Feld „%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a date</source>
        <translation>Feld „%1“ muss ein Datum sein</translation>
    </message>
    <message>
        <source>item %1 (id %2)</source>
        <translation>Eintrag %1 (ID %2)</translation>
    </message>
    <message>
        <source>item %1 (id &quot;%2&quot;)</source>
        <translation>Eintrag %1 (ID „%2“)</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>The list&apos;s %1 was skipped: %2.</source>
        <translation>%1 der Liste wurde übersprungen: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not one item of the list could be used (%1)</source>
        <translation>kein einziger Eintrag der Liste war verwendbar (%1)</translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordTableModel</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>UserDesk::RequestHistory</name>
    <message>
        <source>The request history %1 could not be opened: %2.</source>
        <translation>Der Anfrageverlauf %1 konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>The request history %1 could not be prepared: %2</source>
        <translation>Der Anfrageverlauf %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>An exchange could not be written to the request history: %1.</source>
        <translation>Ein Austausch konnte nicht in den Anfrageverlauf geschrieben werden: %1.</translation>
    </message>
</context>
<context>
    <name>UserDesk::RequestLogModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
</context>
<context>
    <name>UserDesk::RequestLogWidget</name>
    <message>
        <source>Copied the request as cURL, with the token.</source>
        <translation>Die Anfrage wurde als cURL kopiert, mit dem Token.</translation>
    </message>
    <message>
        <source>Copied the request as cURL; the token is a placeholder.</source>
        <translation>Die Anfrage wurde als cURL kopiert; das Token ist ein Platzhalter.</translation>
    </message>
    <message>
        <source>The request was sent again; the server answered %1.</source>
        <translation>Die Anfrage wurde erneut gesendet; der Server antwortete %1.</translation>
    </message>
    <message>
        <source>The request was sent again and failed: %1</source>
        <translation>Die Anfrage wurde erneut gesendet und ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Re-send</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <source>This request went to %1, not to this profile&apos;s server %2; it was not sent again.</source>
        <translation>Diese Anfrage ging an %1, nicht an den Server %2 dieses Profils; sie wurde nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>This sends POST %1 again: it creates another record with the same fields, or is refused if one of them must be unique.</source>
        <translation>Dies sendet POST %1 erneut: Es legt einen weiteren Datensatz mit denselben Feldern an oder wird abgelehnt, wenn eines davon eindeutig sein muss.</translation>
    </message>
    <message>
        <source>This sends DELETE %1 again: it deletes that record if it still exists.</source>
        <translation>Dies sendet DELETE %1 erneut: Es löscht diesen Datensatz, falls es ihn noch gibt.</translation>
    </message>
    <message>
        <source>This sends %1 %2 again: it sets that record&apos;s fields to the values below once more.</source>
        <translation>Dies sendet %1 %2 erneut: Es setzt die Felder dieses Datensatzes noch einmal auf die Werte unten.</translation>
    </message>
    <message>
        <source>Re-send Request</source>
        <translation>Anfrage erneut senden</translation>
    </message>
    <message>
        <source>The token is this profile&apos;s, from the keychain; the new exchange appears in the log.</source>
        <translation>Das Token ist das dieses Profils, aus dem Schlüsselbund; der neue Austausch erscheint im Protokoll.</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Sending %1 %2 again…</source>
        <translation>%1 %2 wird erneut gesendet …</translation>
    </message>
</context>
<context>
    <name>UserDesk::ResourceBrowser</name>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>todos</source>
        <translation>Aufgaben</translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded %1 to %2; how many the server has is not known.</source>
        <translation>
            <numerusform>%n geladene %1 nach %2 exportiert; wie viele der Server hat, ist nicht bekannt.</numerusform>
            <numerusform>%n geladene %1 nach %2 exportiert; wie viele der Server hat, ist nicht bekannt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported all %n %1 to %2.</source>
        <translation>
            <numerusform>Alle %n %1 nach %2 exportiert.</numerusform>
            <numerusform>Alle %n %1 nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.</source>
        <translation>
            <numerusform>%n geladene von %2 %1 nach %3 exportiert; die übrigen sind noch nicht geladen.</numerusform>
            <numerusform>%n geladene von %2 %1 nach %3 exportiert; die übrigen sind noch nicht geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any %1</source>
        <translation>%1: alle</translation>
    </message>
    <message>
        <source>Filter %1: %2</source>
        <translation>%1 filtern: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export loaded %1</source>
        <translation>Geladene %1 exportieren</translation>
    </message>
    <message>
        <source>As CSV…</source>
        <translation>Als CSV…</translation>
    </message>
    <message>
        <source>As JSON…</source>
        <translation>Als JSON…</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>Export nach %1 nicht möglich: %2.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>UserDesk::ResourceSchema</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>can&apos;t be blank</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <source>is invalid</source>
        <translation>ist ungültig</translation>
    </message>
    <message>
        <source>must be %1 or %2</source>
        <translation>muss %1 oder %2 sein</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>muss eines von %1 sein</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>ist kein Datum</translation>
    </message>
    <message>
        <source>is not an id</source>
        <translation>ist keine ID</translation>
    </message>
</context>
<context>
    <name>UserDesk::RestReply</name>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The answer is larger than the allowed size.</source>
        <translation>Die Antwort ist größer als erlaubt.</translation>
    </message>
    <message>
        <source>The answer was cut off (%1).</source>
        <translation>Die Antwort wurde abgeschnitten (%1).</translation>
    </message>
    <message>
        <source>The server refused the connection. Is it running?</source>
        <translation>Der Server hat die Verbindung abgelehnt. Läuft er?</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found.</source>
        <translation>Der Name des Servers wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>Der Server hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>Netzwerkfehler.</translation>
    </message>
    <message>
        <source>The answer could not be decompressed: its body does not match the Content-Encoding the server declared (%1).</source>
        <translation>Die Antwort konnte nicht entpackt werden: Ihr Body passt nicht zum vom Server angegebenen Content-Encoding (%1).</translation>
    </message>
    <message>
        <source>The answer could not be decompressed: %1.</source>
        <translation>Die Antwort konnte nicht entpackt werden: %1.</translation>
    </message>
    <message>
        <source>The connection closed before the server answered, after the request had gone out; it was not sent again on its own.</source>
        <translation>Die Verbindung wurde geschlossen, bevor der Server antwortete, nachdem die Anfrage hinausgegangen war; sie wurde nicht von selbst erneut gesendet.</translation>
    </message>
    <message>
        <source>The proxy asks for credentials (HTTP 407 Proxy Authentication Required): give its user and password in Preferences (Network), or for userdesk-cli in the proxy&apos;s address, as in http://user:password@proxy:3128.</source>
        <translation>Der Proxy verlangt Anmeldedaten (HTTP 407 Proxy Authentication Required): Geben Sie Benutzer und Passwort in den Einstellungen (Netzwerk) an, für userdesk-cli in der Adresse des Proxys, etwa http://benutzer:passwort@proxy:3128.</translation>
    </message>
    <message>
        <source>The server asks for a client certificate and none was shown: choose one for this profile in Preferences (Server).</source>
        <translation>Der Server verlangt ein Client-Zertifikat, und es wurde keines vorgezeigt: Wählen Sie eines für dieses Profil in den Einstellungen (Server).</translation>
    </message>
    <message>
        <source>The server did not accept the client certificate of this profile.</source>
        <translation>Der Server hat das Client-Zertifikat dieses Profils nicht angenommen.</translation>
    </message>
</context>
<context>
    <name>UserDesk::SandboxLauncher</name>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>Die eingebaute Sandbox konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::SecretWrites</name>
    <message>
        <source>The proxy&apos;s password was not saved: %1</source>
        <translation>Das Passwort des Proxys wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The passphrase of the client certificate of &quot;%1&quot; was not saved: %2</source>
        <translation>Die Passphrase des Client-Zertifikats von „%1“ wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; was not saved: %2</source>
        <translation>Das Token von „%1“ wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>No system keychain answered, so the token cannot be stored safely.

Keep it for this session only, or store it unencrypted in a file only you can read?

%1</source>
        <translation>Kein System-Schlüsselbund hat geantwortet, daher kann das Token nicht sicher gespeichert werden.

Es nur für diese Sitzung behalten oder unverschlüsselt in einer Datei speichern, die nur Sie lesen können?

%1</translation>
    </message>
    <message>
        <source>This session only</source>
        <translation>Nur für diese Sitzung</translation>
    </message>
    <message>
        <source>Store in a private file</source>
        <translation>In einer privaten Datei speichern</translation>
    </message>
    <message>
        <source>The token was not saved.</source>
        <translation>Das Token wurde nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>UserDesk::SessionController</name>
    <message>
        <source>No keychain answered, so no token was read: reading works, changes will be refused. Open Preferences to give the token and choose where it is kept.</source>
        <translation>Kein Schlüsselbund hat geantwortet, daher wurde kein Token gelesen: Lesen funktioniert, Änderungen werden abgelehnt. Öffnen Sie die Einstellungen, um das Token einzugeben und festzulegen, wo es aufbewahrt wird.</translation>
    </message>
    <message>
        <source>The token could not be read: %1</source>
        <translation>Das Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The CA file of &quot;%1&quot; was not used: %2</source>
        <translation>Die CA-Datei von „%1“ wurde nicht verwendet: %2</translation>
    </message>
    <message>
        <source>The client certificate of &quot;%1&quot; was not used: %2</source>
        <translation>Das Client-Zertifikat von „%1“ wurde nicht verwendet: %2</translation>
    </message>
    <message>
        <source>The proxy&apos;s password could not be read: %1</source>
        <translation>Das Passwort des Proxys konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The passphrase of the client certificate of &quot;%1&quot; could not be read: %2</source>
        <translation>Die Passphrase des Client-Zertifikats von „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>UserDesk::SessionStatusWidget</name>
    <message>
        <source>Reading the token…</source>
        <translation>Token wird gelesen…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No token: reading only</source>
        <translation>Kein Token: nur lesen</translation>
    </message>
    <message>
        <source>Using a token</source>
        <translation>Token wird verwendet</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 of %Ln user(s)</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer geladen</numerusform>
            <numerusform>%1 von %Ln Benutzern geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer geladen</numerusform>
            <numerusform>%Ln Benutzer geladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::SettingsDialog</name>
    <message>
        <source>Connection of &quot;%1&quot;</source>
        <translation>Verbindung von „%1“</translation>
    </message>
    <message>
        <source>chosen by the sandbox</source>
        <translation>von der Sandbox gewählt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>unchanged: type to replace, clear to remove</source>
        <translation>unverändert: zum Ersetzen eintippen, zum Entfernen leeren</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Ein Profil benötigt einen Namen.</translation>
    </message>
    <message>
        <source>There is already a profile called &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profilname:</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>Profil duplizieren</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>No keychain answered: tokens are kept only until UserDesk quits.</source>
        <translation>Kein Schlüsselbund hat geantwortet: Token werden nur bis zum Beenden von UserDesk aufbewahrt.</translation>
    </message>
    <message>
        <source>The built-in sandbox has not started yet.</source>
        <translation>Die eingebaute Sandbox wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Token wird gelesen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>The settings could not be written: %1</source>
        <translation>Die Einstellungen konnten nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>No keychain answered, so the token could not be read. Type it here and press OK: you will be asked whether to keep it for this session only or in a file only you can read.</source>
        <translation>Kein Schlüsselbund hat geantwortet, daher konnte das Token nicht gelesen werden. Geben Sie es hier ein und drücken Sie OK: Sie werden gefragt, ob es nur für diese Sitzung oder in einer Datei aufbewahrt werden soll, die nur Sie lesen können.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>UserDesk::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search by name or key…</source>
        <translation>Nach Name oder Taste suchen…</translation>
    </message>
    <message>
        <source>Search the shortcuts</source>
        <translation>Die Tastenkürzel durchsuchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Edit the selected user (in the table)</source>
        <translation>Den ausgewählten Benutzer bearbeiten (in der Tabelle)</translation>
    </message>
    <message>
        <source>Clear every filter (in a filter field)</source>
        <translation>Alle Filter leeren (in einem Filterfeld)</translation>
    </message>
</context>
<context>
    <name>UserDesk::SortScopeFlow</name>
    <message>
        <source>Sort All Users</source>
        <translation>Alle Benutzer sortieren</translation>
    </message>
    <message numerus="yes">
        <source>Sorting all %1 users means loading %n more page(s) first, %2.</source>
        <translation>
            <numerusform>Um alle %1 Benutzer zu sortieren, muss zuerst %n weitere Seite geladen werden, %2.</numerusform>
            <numerusform>Um alle %1 Benutzer zu sortieren, müssen zuerst %n weitere Seiten geladen werden, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Or sort only the %n user(s) loaded now; the status bar then says so.</source>
        <translation>
            <numerusform>Oder sortieren Sie nur den %n jetzt geladenen Benutzer; die Statusleiste sagt das dann.</numerusform>
            <numerusform>Oder sortieren Sie nur die %n jetzt geladenen Benutzer; die Statusleiste sagt das dann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load All and Sort</source>
        <translation>Alle laden und sortieren</translation>
    </message>
    <message>
        <source>Sort the Loaded Rows Only</source>
        <translation>Nur die geladenen Zeilen sortieren</translation>
    </message>
</context>
<context>
    <name>UserDesk::TableStatus</name>
    <message numerus="yes">
        <source>%1 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>%1 passender Benutzer geladen (gefiltert)</numerusform>
            <numerusform>%1 passende Benutzer geladen (gefiltert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 user(s) loaded</source>
        <translation>
            <numerusform>%1 Benutzer geladen</numerusform>
            <numerusform>%1 Benutzer geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %1 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>%1 passender Benutzer geladen, alle (gefiltert)</numerusform>
            <numerusform>Alle %1 passenden Benutzer geladen (gefiltert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %1 user(s) loaded</source>
        <translation>
            <numerusform>%1 Benutzer geladen, alle</numerusform>
            <numerusform>Alle %1 Benutzer geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 matching user(s) loaded (filtered)</source>
        <translation>
            <numerusform>%1 von %2 passenden Benutzer geladen (gefiltert)</numerusform>
            <numerusform>%1 von %2 passenden Benutzern geladen (gefiltert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 of %2 user(s)</source>
        <translation>
            <numerusform>%1 von %2 Benutzer geladen</numerusform>
            <numerusform>%1 von %2 Benutzern geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sorted %1 of %2 loaded user(s) — loading the rest</source>
        <translation>
            <numerusform>%1 von %2 Benutzer sortiert — der Rest wird geladen</numerusform>
            <numerusform>%1 von %2 Benutzern sortiert — der Rest wird geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sorted the %1 loaded user(s) only, of %2</source>
        <translation>
            <numerusform>Nur den %1 geladenen Benutzer von %2 sortiert</numerusform>
            <numerusform>Nur die %1 geladenen Benutzer von %2 sortiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s)</source>
        <translation>
            <numerusform>etwa %n Sekunde</numerusform>
            <numerusform>etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>etwa %n Minute</numerusform>
            <numerusform>etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>etwa %n Stunde</numerusform>
            <numerusform>etwa %n Stunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::TlsCredentials</name>
    <message>
        <source>The file &quot;%1&quot; could not be read: %2.</source>
        <translation>Die Datei „%1“ konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; holds no certificate in PEM form.</source>
        <translation>Die Datei „%1“ enthält kein Zertifikat im PEM-Format.</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; is encrypted and needs a passphrase; none was given.</source>
        <translation>Der private Schlüssel in „%1“ ist verschlüsselt und braucht eine Passphrase; es wurde keine angegeben.</translation>
    </message>
    <message>
        <source>The passphrase of the private key in &quot;%1&quot; is wrong.</source>
        <translation>Die Passphrase des privaten Schlüssels in „%1“ ist falsch.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; holds no private key in PEM form.</source>
        <translation>Die Datei „%1“ enthält keinen privaten Schlüssel im PEM-Format.</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; does not belong to the certificate in &quot;%2&quot;.</source>
        <translation>Der private Schlüssel in „%1“ gehört nicht zum Zertifikat in „%2“.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not a PKCS#12 file.</source>
        <translation>Die Datei „%1“ ist keine PKCS#12-Datei.</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; needs a passphrase; none was given.</source>
        <translation>Die PKCS#12-Datei „%1“ braucht eine Passphrase; es wurde keine angegeben.</translation>
    </message>
    <message>
        <source>The passphrase of the PKCS#12 file &quot;%1&quot; is wrong.</source>
        <translation>Die Passphrase der PKCS#12-Datei „%1“ ist falsch.</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; holds no certificate with its private key that UserDesk can use.</source>
        <translation>Die PKCS#12-Datei „%1“ enthält kein Zertifikat mit privatem Schlüssel, das UserDesk verwenden kann.</translation>
    </message>
    <message>
        <source>The private key in &quot;%1&quot; does not belong to its certificate.</source>
        <translation>Der private Schlüssel in „%1“ gehört nicht zu seinem Zertifikat.</translation>
    </message>
</context>
<context>
    <name>UserDesk::TokenStore</name>
    <message>
        <source>Tokens are stored unencrypted in a file only your user account can read. Anyone with access to your account or to a backup of it can read them.</source>
        <translation>Token werden unverschlüsselt in einer Datei gespeichert, die nur Ihr Benutzerkonto lesen kann. Wer Zugriff auf Ihr Konto oder eine Sicherung davon hat, kann sie lesen.</translation>
    </message>
    <message>
        <source>No system keychain answered, so tokens are read from, and saved to, the private file chosen in an earlier session: %1</source>
        <translation>Kein System-Schlüsselbund hat geantwortet, daher werden Token aus der in einer früheren Sitzung gewählten privaten Datei gelesen und dort gespeichert: %1</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; was moved from the unencrypted file into the system keychain.</source>
        <translation>Das Token von „%1“ wurde aus der unverschlüsselten Datei in den System-Schlüsselbund verschoben.</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; is now in the system keychain, but it could not be removed from the unencrypted file: %2</source>
        <translation>Das Token von „%1“ liegt jetzt im System-Schlüsselbund, konnte aber nicht aus der unverschlüsselten Datei entfernt werden: %2</translation>
    </message>
    <message>
        <source>The token was copied to the new name but could not be removed from the old one: %1</source>
        <translation>Das Token wurde unter den neuen Namen kopiert, konnte aber nicht vom alten entfernt werden: %1</translation>
    </message>
    <message>
        <source>A token needs a profile name.</source>
        <translation>Ein Token benötigt einen Profilnamen.</translation>
    </message>
    <message>
        <source>The system keychain is turned off.</source>
        <translation>Der System-Schlüsselbund ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>No system keychain is available: %1</source>
        <translation>Kein System-Schlüsselbund verfügbar: %1</translation>
    </message>
    <message>
        <source>The system keychain failed: %1</source>
        <translation>Der System-Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 was readable by other users; it is now readable by you alone.</source>
        <translation>%1 war für andere Benutzer lesbar; jetzt können nur noch Sie die Datei lesen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged; remove it and enter the tokens again.</source>
        <translation>%1 ist beschädigt; entfernen Sie die Datei und geben Sie die Token erneut ein.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private to your user account.</source>
        <translation>%1 kann nicht auf Ihr Benutzerkonto beschränkt werden.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Schlüsselbund des Systems hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::UndoController</name>
    <message>
        <source>Edit of %1</source>
        <translation>Bearbeitung von %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete of %n user(s)</source>
        <translation>
            <numerusform>Löschen von %n Benutzer</numerusform>
            <numerusform>Löschen von %n Benutzern</numerusform>
        </translation>
    </message>
    <message>
        <source>Another delete is still under way, so this one was not done again.</source>
        <translation>Ein anderes Löschen läuft noch, daher wurde dieses nicht erneut ausgeführt.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>Das Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Undid the edit of %1.</source>
        <translation>Die Bearbeitung von %1 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Redid the edit of %1.</source>
        <translation>Die Bearbeitung von %1 wurde wiederholt.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 &amp;wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s) ·</source>
        <translation>
            <numerusform>%n Benutzer gelöscht ·</numerusform>
            <numerusform>%n Benutzer gelöscht ·</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s); they are sent to the server in %1 seconds unless you undo it.</source>
        <translation>
            <numerusform>%n Benutzer gelöscht; das Löschen wird in %1 Sekunden an den Server gesendet, wenn Sie es nicht rückgängig machen.</numerusform>
            <numerusform>%n Benutzer gelöscht; das Löschen wird in %1 Sekunden an den Server gesendet, wenn Sie es nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undo the delete of %n user(s)</source>
        <translation>
            <numerusform>Das Löschen von %n Benutzer rückgängig machen</numerusform>
            <numerusform>Das Löschen von %n Benutzern rückgängig machen</numerusform>
        </translation>
    </message>
    <message>
        <source>The edit of %1 was made with another profile, so it cannot be undone here.</source>
        <translation>Die Bearbeitung von %1 wurde mit einem anderen Profil gemacht und kann daher hier nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The edit of %1 was made with another profile, so it cannot be redone here.</source>
        <translation>Die Bearbeitung von %1 wurde mit einem anderen Profil gemacht und kann daher hier nicht wiederholt werden.</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDeletion</name>
    <message>
        <source>• %1 &lt;%2&gt; (ID %3)</source>
        <translation>• %1 &lt;%2&gt; (ID %3)</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weiterer</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>User %1: %2</source>
        <translation>Benutzer %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) was not sent: the profile changed before its undo time ended.</source>
        <translation>
            <numerusform>Das Löschen von %n Benutzer wurde nicht gesendet: Das Profil wechselte, bevor die Zeit zum Rückgängigmachen ablief.</numerusform>
            <numerusform>Das Löschen von %n Benutzern wurde nicht gesendet: Das Profil wechselte, bevor die Zeit zum Rückgängigmachen ablief.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) from %1? For %2 seconds you can still undo it; then it is sent, and cannot be undone.</source>
        <translation>
            <numerusform>%n Benutzer von %1 löschen? %2 Sekunden lang können Sie es noch rückgängig machen; dann wird es gesendet und kann nicht mehr rückgängig gemacht werden.</numerusform>
            <numerusform>%n Benutzer von %1 löschen? %2 Sekunden lang können Sie es noch rückgängig machen; dann wird es gesendet und kann nicht mehr rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n user(s); nothing was deleted.</source>
        <translation>
            <numerusform>%n Benutzer wiederhergestellt; nichts wurde gelöscht.</numerusform>
            <numerusform>%n Benutzer wiederhergestellt; nichts wurde gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete not sent yet</source>
        <translation>Löschen noch nicht gesendet</translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. If you quit now, nothing is deleted.</source>
        <translation>
            <numerusform>Das Löschen von %n Benutzer wurde noch nicht gesendet. Wenn Sie jetzt beenden, wird nichts gelöscht.</numerusform>
            <numerusform>Das Löschen von %n Benutzern wurde noch nicht gesendet. Wenn Sie jetzt beenden, wird nichts gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Without Deleting</source>
        <translation>Beenden ohne zu löschen</translation>
    </message>
    <message>
        <source>User %1 was already deleted on the server.</source>
        <translation>Benutzer %1 war auf dem Server bereits gelöscht.</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDetailsWidget</name>
    <message>
        <source>No user selected</source>
        <translation>Kein Benutzer ausgewählt</translation>
    </message>
    <message>
        <source>Select a post to see its comments.</source>
        <translation>Wählen Sie einen Beitrag, um seine Kommentare zu sehen.</translation>
    </message>
    <message>
        <source>Comments on post %1</source>
        <translation>Kommentare zu Beitrag %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) selected</source>
        <translation>
            <numerusform>%Ln Benutzer ausgewählt</numerusform>
            <numerusform>%Ln Benutzer ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Benutzer %1 bearbeiten</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The user is still being saved. Stop waiting and close?</source>
        <translation>Der Benutzer wird noch gespeichert. Nicht länger warten und schließen?</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>Ihre Eingaben wurden nicht gespeichert. Verwerfen?</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDraft</name>
    <message>
        <source>can&apos;t be blank</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is invalid</source>
        <translation>ist ungültig</translation>
    </message>
    <message>
        <source>must be male or female</source>
        <translation>muss „male“ oder „female“ sein</translation>
    </message>
    <message>
        <source>must be active or inactive</source>
        <translation>muss „active“ oder „inactive“ sein</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserEditReversal</name>
    <message>
        <source>The edit changed nothing, so there was nothing to undo.</source>
        <translation>Die Bearbeitung hat nichts geändert, daher gab es nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>%1 is now &quot;%2&quot;</source>
        <translation>%1 ist jetzt „%2“</translation>
    </message>
    <message>
        <source>User %1 was changed on the server since this edit (%2); undoing it would overwrite that change, so nothing was sent.</source>
        <translation>Benutzer %1 wurde seit dieser Bearbeitung auf dem Server geändert (%2); das Rückgängigmachen würde diese Änderung überschreiben, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>User %1 has its earlier values again.</source>
        <translation>Benutzer %1 hat wieder seine früheren Werte.</translation>
    </message>
    <message>
        <source>User %1 no longer exists on the server, so the edit cannot be undone.</source>
        <translation>Benutzer %1 existiert auf dem Server nicht mehr, daher kann die Bearbeitung nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The edit could not be undone: %1</source>
        <translation>Die Bearbeitung konnte nicht rückgängig gemacht werden: %1</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserExportFlow</name>
    <message>
        <source>Export users as JSON</source>
        <translation>Benutzer als JSON exportieren</translation>
    </message>
    <message>
        <source>Export users as CSV</source>
        <translation>Benutzer als CSV exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>Export nach %1 nicht möglich: %2.</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Which users should be exported?</source>
        <translation>Welche Benutzer sollen exportiert werden?</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln Matching User(s)</source>
        <translation>
            <numerusform>Den %Ln passenden Benutzer</numerusform>
            <numerusform>Alle %Ln passenden Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln User(s)</source>
        <translation>
            <numerusform>Den %Ln Benutzer</numerusform>
            <numerusform>Alle %Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting all of them means loading %n more page(s) first, %1; the status bar shows the progress and can stop it.</source>
        <translation>
            <numerusform>Um alle zu exportieren, muss zuerst %n weitere Seite geladen werden, %1; die Statusleiste zeigt den Fortschritt und kann es anhalten.</numerusform>
            <numerusform>Um alle zu exportieren, müssen zuerst %n weitere Seiten geladen werden, %1; die Statusleiste zeigt den Fortschritt und kann es anhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Loaded User(s)</source>
        <translation>
            <numerusform>Den %Ln geladenen Benutzer</numerusform>
            <numerusform>Die %Ln geladenen Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Selected User(s)</source>
        <translation>
            <numerusform>Den %Ln ausgewählten Benutzer</numerusform>
            <numerusform>Die %Ln ausgewählten Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not say how many users it has, so only the loaded ones can be exported.</source>
        <translation>Der Server hat nicht gesagt, wie viele Benutzer er hat, daher können nur die geladenen exportiert werden.</translation>
    </message>
    <message>
        <source>The export to %1 was replaced by the export to %2; nothing was written to %1.</source>
        <translation>Der Export nach %1 wurde durch den Export nach %2 ersetzt; nach %1 wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Loading the rest of the users before exporting them to %1…</source>
        <translation>Der Rest der Benutzer wird geladen, bevor sie nach %1 exportiert werden…</translation>
    </message>
    <message>
        <source>The export to %1 stopped before every user was loaded (%2 of %3); nothing was written.</source>
        <translation>Der Export nach %1 wurde angehalten, bevor alle Benutzer geladen waren (%2 von %3); nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>an unknown number</source>
        <translation>einer unbekannten Zahl</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to %1; how many the server has is not known.</source>
        <translation>
            <numerusform>%Ln Benutzer nach %1 exportiert; wie viele der Server hat, ist nicht bekannt.</numerusform>
            <numerusform>%Ln Benutzer nach %1 exportiert; wie viele der Server hat, ist nicht bekannt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2.</source>
        <translation>
            <numerusform>%1 von %Ln passenden Benutzer (gefiltert) nach %2 exportiert.</numerusform>
            <numerusform>%1 von %Ln passenden Benutzern (gefiltert) nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2.</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer nach %2 exportiert.</numerusform>
            <numerusform>%1 von %Ln Benutzern nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the selected ones.</source>
        <translation>
            <numerusform>%1 von %Ln passenden Benutzer (gefiltert) nach %2 exportiert: die ausgewählten.</numerusform>
            <numerusform>%1 von %Ln passenden Benutzern (gefiltert) nach %2 exportiert: die ausgewählten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the selected ones.</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer nach %2 exportiert: die ausgewählten.</numerusform>
            <numerusform>%1 von %Ln Benutzern nach %2 exportiert: die ausgewählten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation>
            <numerusform>%1 von %Ln passenden Benutzer (gefiltert) nach %2 exportiert: die geladenen; die anderen sind noch nicht geladen.</numerusform>
            <numerusform>%1 von %Ln passenden Benutzern (gefiltert) nach %2 exportiert: die geladenen; die anderen sind noch nicht geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer nach %2 exportiert: die geladenen; die anderen sind noch nicht geladen.</numerusform>
            <numerusform>%1 von %Ln Benutzern nach %2 exportiert: die geladenen; die anderen sind noch nicht geladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDesk::UserImport</name>
    <message>
        <source>The file is empty; a CSV import needs a header row and one row per user.</source>
        <translation>Die Datei ist leer; ein CSV-Import braucht eine Kopfzeile und eine Zeile pro Benutzer.</translation>
    </message>
    <message>
        <source>The file holds no users.</source>
        <translation>Die Datei enthält keine Benutzer.</translation>
    </message>
    <message>
        <source>%1: %2 must be a string.</source>
        <translation>%1: %2 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1: %2 %3.</source>
        <translation>%1: %2 %3.</translation>
    </message>
    <message>
        <source>%1: email %2 is already on %3 of the file; emails are unique.</source>
        <translation>%1: Die E-Mail-Adresse %2 steht bereits in %3 der Datei; E-Mail-Adressen sind eindeutig.</translation>
    </message>
</context>
<context>
    <name>UserDesk::UserTableModel</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>UserDetailsWidget</name>
    <message>
        <source>No user selected</source>
        <translation>Kein Benutzer ausgewählt</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Geschlecht:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Name des Benutzers</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>E-Mail des Benutzers</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Benutzerdetails</translation>
    </message>
    <message>
        <source>The user as JSON</source>
        <translation>Der Benutzer als JSON</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Geschlecht:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>UserFilterBar</name>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>Name enthält…</translation>
    </message>
    <message>
        <source>Email contains…</source>
        <translation>E-Mail enthält…</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Jedes Geschlecht</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Show all users again (Esc in a filter field)</source>
        <translation>Wieder alle Benutzer anzeigen (Esc in einem Filterfeld)</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>Filter by email</source>
        <translation>Nach E-Mail filtern</translation>
    </message>
    <message>
        <source>Filter by ID</source>
        <translation>Nach ID filtern</translation>
    </message>
    <message>
        <source>ID is…</source>
        <translation>ID ist…</translation>
    </message>
    <message>
        <source>Show only the user with exactly this ID</source>
        <translation>Nur den Benutzer mit genau dieser ID zeigen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for GoRest-style users APIs.</source>
        <translation>Desktop-Client für Benutzer-APIs im Stil von GoRest.</translation>
    </message>
    <message>
        <source>Start with the profile NAME.</source>
        <translation>Mit dem Profil NAME starten.</translation>
    </message>
    <message>
        <source>Read and write settings in PATH.</source>
        <translation>Einstellungen in PATH lesen und schreiben.</translation>
    </message>
    <message>
        <source>Keep the built-in sandbox&apos;s data in PATH.</source>
        <translation>Die Daten der eingebauten Sandbox in PATH aufbewahren.</translation>
    </message>
    <message>
        <source>Quit once the first page is shown, printing the time it took.</source>
        <translation>Beenden, sobald die erste Seite angezeigt wird, und die benötigte Zeit ausgeben.</translation>
    </message>
    <message>
        <source>userdesk: no profile named &quot;%1&quot;</source>
        <translation>userdesk: kein Profil namens „%1“</translation>
    </message>
    <message>
        <source>Use the Fusion style with a dark palette (for desktops that give Qt none).</source>
        <translation>Den Fusion-Stil mit dunkler Palette verwenden (für Desktops, die Qt keinen vorgeben).</translation>
    </message>
    <message>
        <source>A local look-alike of the GoRest v2 API (users, posts, comments, todos), backed by SQLite.</source>
        <translation>Eine lokale Nachbildung der API von GoRest v2 (users, posts, comments, todos), gestützt auf SQLite.</translation>
    </message>
</context>
</TS>
