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
    <name>UserDesk::ConnectionCheck</name>
    <message numerus="yes">
        <source>Connected: the server has %Ln user(s)</source>
        <translation><numerusform>Connected: the server has %Ln user</numerusform><numerusform>Connected: the server has %Ln users</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::DeferredDelete</name>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation><numerusform>delete %n user</numerusform><numerusform>delete %n users</numerusform></translation>
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
        <source>Dry run: an import would create %n user(s).</source>
        <translation><numerusform>Dry run: an import would create %n user.</numerusform><numerusform>Dry run: an import would create %n users.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors would be left out.</source>
        <translation><numerusform>%n row with errors would be left out.</numerusform><numerusform>%n rows with errors would be left out.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors (shown beside them) will not be imported.</source>
        <translation><numerusform>%n row with errors (shown beside them) will not be imported.</numerusform><numerusform>%n rows with errors (shown beside them) will not be imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Post(s)</source>
        <translation><numerusform>&amp;Import %n Post</numerusform><numerusform>&amp;Import %n Posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Comment(s)</source>
        <translation><numerusform>&amp;Import %n Comment</numerusform><numerusform>&amp;Import %n Comments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Todo(s)</source>
        <translation><numerusform>&amp;Import %n Todo</numerusform><numerusform>&amp;Import %n Todos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n post(s).</source>
        <translation><numerusform>Dry run: an import would create %n post.</numerusform><numerusform>Dry run: an import would create %n posts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n comment(s).</source>
        <translation><numerusform>Dry run: an import would create %n comment.</numerusform><numerusform>Dry run: an import would create %n comments.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Dry run: an import would create %n todo(s).</source>
        <translation><numerusform>Dry run: an import would create %n todo.</numerusform><numerusform>Dry run: an import would create %n todos.</numerusform></translation>
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
    <message numerus="yes">
        <source>An import of %n post(s)</source>
        <translation><numerusform>An import of %n post</numerusform><numerusform>An import of %n posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>An import of %n comment(s)</source>
        <translation><numerusform>An import of %n comment</numerusform><numerusform>An import of %n comments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>An import of %n todo(s)</source>
        <translation><numerusform>An import of %n todo</numerusform><numerusform>An import of %n todos</numerusform></translation>
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
    <name>UserDesk::JobsCommands</name>
    <message numerus="yes">
        <source>Dry run: %1 of %Ln row(s) can be imported; nothing was sent.</source>
        <translation><numerusform>Dry run: %1 of %Ln row can be imported; nothing was sent.</numerusform><numerusform>Dry run: %1 of %Ln rows can be imported; nothing was sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>set %1 on %n user(s)</source>
        <translation><numerusform>set %1 on %n user</numerusform><numerusform>set %1 on %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>delete %n user(s)</source>
        <translation><numerusform>delete %n user</numerusform><numerusform>delete %n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>job %1: %2 of %Ln item(s); if it is cut off, finish it with 'userdesk-cli jobs resume %1'.</source>
        <translation><numerusform>job %1: %2 of %Ln item; if it is cut off, finish it with 'userdesk-cli jobs resume %1'.</numerusform><numerusform>job %1: %2 of %Ln items; if it is cut off, finish it with 'userdesk-cli jobs resume %1'.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation><numerusform>%n of them had already been deleted on the server.</numerusform><numerusform>%n of them had already been deleted on the server.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::JobsFlow</name>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them had already been deleted on the server.</source>
        <translation><numerusform>%n of them had already been deleted on the server.</numerusform><numerusform>%n of them had already been deleted on the server.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The delete of %n user(s) has not been sent yet. Either way it is dropped when you quit, and nothing of it is deleted.</source>
        <translation><numerusform>The delete of %n user has not been sent yet. Either way it is dropped when you quit, and nothing of it is deleted.</numerusform><numerusform>The delete of %n users has not been sent yet. Either way it is dropped when you quit, and nothing of it is deleted.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::PagingGuard</name>
    <message numerus="yes">
        <source>The server sent %Ln item(s) for page %1 where %2 were asked for: it does not page this list the way it was asked to, so no further page was requested.</source>
        <translation><numerusform>The server sent %Ln item for page %1 where %2 were asked for: it does not page this list the way it was asked to, so no further page was requested.</numerusform><numerusform>The server sent %Ln items for page %1 where %2 were asked for: it does not page this list the way it was asked to, so no further page was requested.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The list was cut after %Ln page(s), the most read in one go; the server says there is more.</source>
        <translation><numerusform>The list was cut after %Ln page, the most read in one go; the server says there is more.</numerusform><numerusform>The list was cut after %Ln pages, the most read in one go; the server says there is more.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordCascadeCount</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation><numerusform>%Ln post</numerusform><numerusform>%Ln posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln post(s)</source>
        <translation><numerusform>at least %Ln post</numerusform><numerusform>at least %Ln posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s) on them</source>
        <translation><numerusform>%Ln comment on them</numerusform><numerusform>%Ln comments on them</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln comment(s) on them</source>
        <translation><numerusform>at least %Ln comment on them</numerusform><numerusform>at least %Ln comments on them</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation><numerusform>%Ln todo</numerusform><numerusform>%Ln todos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln todo(s)</source>
        <translation><numerusform>at least %Ln todo</numerusform><numerusform>at least %Ln todos</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::RecordListPane</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation><numerusform>%Ln post</numerusform><numerusform>%Ln posts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation><numerusform>%Ln comment</numerusform><numerusform>%Ln comments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln todo(s)</source>
        <translation><numerusform>%Ln todo</numerusform><numerusform>%Ln todos</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::ResourceBrowser</name>
    <message numerus="yes">
        <source>Exported the %n loaded %1 to %2; how many the server has is not known.</source>
        <translation><numerusform>Exported the %n loaded %1 to %2; how many the server has is not known.</numerusform><numerusform>Exported the %n loaded %1 to %2; how many the server has is not known.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported all %n %1 to %2.</source>
        <translation><numerusform>Exported all %n %1 to %2.</numerusform><numerusform>Exported all %n %1 to %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.</source>
        <translation><numerusform>Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.</numerusform><numerusform>Exported the %n loaded %1 of %2 to %3; the others are not loaded yet.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::SessionStatusWidget</name>
    <message numerus="yes">
        <source>Loaded %1 of %Ln user(s)</source>
        <translation><numerusform>Loaded %1 of %Ln user</numerusform><numerusform>Loaded %1 of %Ln users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln user(s)</source>
        <translation><numerusform>Loaded %Ln user</numerusform><numerusform>Loaded %Ln users</numerusform></translation>
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
    <name>UserDesk::TokenStore</name>
    <message numerus="yes">
        <source>The system keychain did not answer within %n second(s).</source>
        <translation><numerusform>The system keychain did not answer within %n second.</numerusform><numerusform>The system keychain did not answer within %n seconds.</numerusform></translation>
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
    <name>UserDesk::UserDetailsWidget</name>
    <message numerus="yes">
        <source>%Ln user(s) selected</source>
        <translation><numerusform>%Ln user selected</numerusform><numerusform>%Ln users selected</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDesk::UserExportFlow</name>
    <message numerus="yes">
        <source>All %Ln Matching User(s)</source>
        <translation><numerusform>All %Ln Matching User</numerusform><numerusform>All %Ln Matching Users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln User(s)</source>
        <translation><numerusform>All %Ln User</numerusform><numerusform>All %Ln Users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exporting all of them means loading %n more page(s) first, %1; the status bar shows the progress and can stop it.</source>
        <translation><numerusform>Exporting all of them means loading %n more page first, %1; the status bar shows the progress and can stop it.</numerusform><numerusform>Exporting all of them means loading %n more pages first, %1; the status bar shows the progress and can stop it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Loaded User(s)</source>
        <translation><numerusform>The %Ln Loaded User</numerusform><numerusform>The %Ln Loaded Users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %Ln Selected User(s)</source>
        <translation><numerusform>The %Ln Selected User</numerusform><numerusform>The %Ln Selected Users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln user(s) to %1; how many the server has is not known.</source>
        <translation><numerusform>Exported %Ln user to %1; how many the server has is not known.</numerusform><numerusform>Exported %Ln users to %1; how many the server has is not known.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2.</source>
        <translation><numerusform>Exported %1 of %Ln matching user (filtered) to %2.</numerusform><numerusform>Exported %1 of %Ln matching users (filtered) to %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2.</source>
        <translation><numerusform>Exported %1 of %Ln user to %2.</numerusform><numerusform>Exported %1 of %Ln users to %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the selected ones.</source>
        <translation><numerusform>Exported %1 of %Ln matching user (filtered) to %2: the selected ones.</numerusform><numerusform>Exported %1 of %Ln matching users (filtered) to %2: the selected ones.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the selected ones.</source>
        <translation><numerusform>Exported %1 of %Ln user to %2: the selected ones.</numerusform><numerusform>Exported %1 of %Ln users to %2: the selected ones.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln matching user(s) (filtered) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation><numerusform>Exported %1 of %Ln matching user (filtered) to %2: the loaded ones; the others are not loaded yet.</numerusform><numerusform>Exported %1 of %Ln matching users (filtered) to %2: the loaded ones; the others are not loaded yet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln user(s) to %2: the loaded ones; the others are not loaded yet.</source>
        <translation><numerusform>Exported %1 of %Ln user to %2: the loaded ones; the others are not loaded yet.</numerusform><numerusform>Exported %1 of %Ln users to %2: the loaded ones; the others are not loaded yet.</numerusform></translation>
    </message>
</context>
</TS>
