<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>UserDesk::UndoController</name>
    <message numerus="yes">
        <source>Delete of %n user(s)</source>
        <translation><numerusform>Delete of %n user</numerusform><numerusform>Delete of %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s) ·</source>
        <translation><numerusform>Deleted %n user ·</numerusform><numerusform>Deleted %n users ·</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s); they are sent to the server in %1 seconds unless you undo it.</source>
        <translation><numerusform>Deleted %n user; they are sent to the server in %1 seconds unless you undo it.</numerusform><numerusform>Deleted %n users; they are sent to the server in %1 seconds unless you undo it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Undo the delete of %n user(s)</source>
        <translation><numerusform>Undo the delete of %n user</numerusform><numerusform>Undo the delete of %n users</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::UserDeletion</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s).</source>
        <translation><numerusform>Deleted %n user.</numerusform><numerusform>Deleted %n users.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) was not sent: the profile changed before its undo time ended.</source>
        <translation><numerusform>The delete of %n user was not sent: the profile changed before its undo time ended.</numerusform><numerusform>The delete of %n users was not sent: the profile changed before its undo time ended.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) from %1? For %2 seconds you can still undo it; then it is sent, and cannot be undone.</source>
        <translation><numerusform>Delete %n user from %1? For %2 seconds you can still undo it; then it is sent, and cannot be undone.</numerusform><numerusform>Delete %n users from %1? For %2 seconds you can still undo it; then it is sent, and cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Restored %n user(s); nothing was deleted.</source>
        <translation><numerusform>Restored %n user; nothing was deleted.</numerusform><numerusform>Restored %n users; nothing was deleted.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. If you quit now, nothing is deleted.</source>
        <translation><numerusform>The delete of %n user has not been sent yet. If you quit now, nothing is deleted.</numerusform><numerusform>The delete of %n users has not been sent yet. If you quit now, nothing is deleted.</numerusform></translation>
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
