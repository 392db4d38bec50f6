<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>UserDesk::BulkEditDialog</name>
    <message numerus="yes">
        <source>Set one field to the same value on the %n selected user(s). Each one is changed by its own request, journaled, so the job can be stopped and resumed.</source>
        <translation><numerusform>Set one field to the same value on the %n selected user. Each one is changed by its own request, journaled, so the job can be stopped and resumed.</numerusform><numerusform>Set one field to the same value on the %n selected users. Each one is changed by its own request, journaled, so the job can be stopped and resumed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Apply to %n user(s)</source>
        <translation><numerusform>Apply to %n user</numerusform><numerusform>Apply to %n users</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::ImportDialog</name>
    <message numerus="yes">
        <source>&amp;Import %n User(s)</source>
        <translation><numerusform>&amp;Import %n User</numerusform><numerusform>&amp;Import %n Users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation><numerusform>%n row read.</numerusform><numerusform>%n rows read.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have errors (shown beside them) and will not be imported.</source>
        <translation><numerusform>%n row have errors (shown beside them) and will not be imported.</numerusform><numerusform>%n rows have errors (shown beside them) and will not be imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n user(s).</source>
        <translation><numerusform>Dry run: an import would create %n user.</numerusform><numerusform>Dry run: an import would create %n users.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors would be left out.</source>
        <translation><numerusform>%n row with errors would be left out.</numerusform><numerusform>%n rows with errors would be left out.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::JobBanner</name>
    <message numerus="yes">
        <source>For %n of them it is not known whether the server applied them; Resume checks the server before sending those again.</source>
        <translation><numerusform>For %n of them it is not known whether the server applied them; Resume checks the server before sending those again.</numerusform><numerusform>For %n of them it is not known whether the server applied them; Resume checks the server before sending those again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n more unfinished job(s) after this one.)</source>
        <translation><numerusform>(%n more unfinished job after this one.)</numerusform><numerusform>(%n more unfinished jobs after this one.)</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::JobController</name>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation><numerusform>delete %n user</numerusform><numerusform>delete %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation><numerusform>set %1 on %n user</numerusform><numerusform>set %1 on %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>An import of %n user(s)</source>
        <translation><numerusform>An import of %n user</numerusform><numerusform>An import of %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A bulk edit of %n user(s)</source>
        <translation><numerusform>A bulk edit of %n user</numerusform><numerusform>A bulk edit of %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A bulk delete of %n user(s)</source>
        <translation><numerusform>A bulk delete of %n user</numerusform><numerusform>A bulk delete of %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A job of %n item(s)</source>
        <translation><numerusform>A job of %n item</numerusform><numerusform>A job of %n items</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::JobStatusWidget</name>
    <message numerus="yes">
        <source>%n more job(s) waiting</source>
        <translation><numerusform>%n more job waiting</numerusform><numerusform>%n more jobs waiting</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsFlow</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::SortScopeFlow</name>
    <message numerus="yes">
        <source>Sorting all %1 users means loading %n more page(s) first, %2.</source>
        <translation><numerusform>Sorting all %1 users means loading %n more page first, %2.</numerusform><numerusform>Sorting all %1 users means loading %n more pages first, %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Or sort only the %n user(s) loaded now; the status bar then says so.</source>
        <translation><numerusform>Or sort only the %n user loaded now; the status bar then says so.</numerusform><numerusform>Or sort only the %n users loaded now; the status bar then says so.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::TableStatus</name>
    <message numerus="yes">
        <source>%1 matching user(s) loaded (filtered)</source>
        <translation><numerusform>%1 matching user loaded (filtered)</numerusform><numerusform>%1 matching users loaded (filtered)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 user(s) loaded</source>
        <translation><numerusform>%1 user loaded</numerusform><numerusform>%1 users loaded</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %1 matching user(s) loaded (filtered)</source>
        <translation><numerusform>All %1 matching user loaded (filtered)</numerusform><numerusform>All %1 matching users loaded (filtered)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %1 user(s) loaded</source>
        <translation><numerusform>All %1 user loaded</numerusform><numerusform>All %1 users loaded</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 matching user(s) loaded (filtered)</source>
        <translation><numerusform>%1 of %2 matching user loaded (filtered)</numerusform><numerusform>%1 of %2 matching users loaded (filtered)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1 of %2 user(s)</source>
        <translation><numerusform>Loaded %1 of %2 user</numerusform><numerusform>Loaded %1 of %2 users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sorted %1 of %2 loaded user(s) — loading the rest</source>
        <translation><numerusform>Sorted %1 of %2 loaded user — loading the rest</numerusform><numerusform>Sorted %1 of %2 loaded users — loading the rest</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sorted the %1 loaded user(s) only, of %2</source>
        <translation><numerusform>Sorted the %1 loaded user only, of %2</numerusform><numerusform>Sorted the %1 loaded users only, of %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s)</source>
        <translation><numerusform>about %n second</numerusform><numerusform>about %n seconds</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation><numerusform>about %n minute</numerusform><numerusform>about %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation><numerusform>about %n hour</numerusform><numerusform>about %n hours</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDeletion</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) from %1? This cannot be undone.</source>
        <translation><numerusform>Delete %n user from %1? This cannot be undone.</numerusform><numerusform>Delete %n users from %1? This cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s).</source>
        <translation><numerusform>Deleted %n user.</numerusform><numerusform>Deleted %n users.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::UserExportFlow</name>
    <message numerus="yes">
        <source>Exported the %n loaded user(s) to %1; how many the server has is not known.</source>
        <translation><numerusform>Exported the %n loaded user to %1; how many the server has is not known.</numerusform><numerusform>Exported the %n loaded users to %1; how many the server has is not known.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported all %n user(s) to %1.</source>
        <translation><numerusform>Exported all %n user to %1.</numerusform><numerusform>Exported all %n users to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded user(s) of %1 to %2; the others are not loaded yet.</source>
        <translation><numerusform>Exported the %n loaded user of %1 to %2; the others are not loaded yet.</numerusform><numerusform>Exported the %n loaded users of %1 to %2; the others are not loaded yet.</numerusform></translation>
    </message>
</context>
</TS>
