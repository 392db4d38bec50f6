#pragma once

#include <QList>
#include <QString>

namespace UserDesk {

// Generated rows before they get ids; posts and todos point at users by index, comments at posts.
struct SeedUser
{
    QString name;
    QString email;
    QString gender;
    QString status;
};

struct SeedPost
{
    int userIndex = 0;
    QString title;
    QString body;
};

struct SeedTodo
{
    int userIndex = 0;
    QString title;
    QString dueOn; // already in GoRest's "yyyy-MM-ddT00:00:00.000+05:30" form
    QString status;
};

struct SeedComment
{
    int postIndex = 0;
    QString name;
    QString email;
    QString body;
};

struct SeedData
{
    QList<SeedUser> users;
    QList<SeedPost> posts;
    QList<SeedTodo> todos;
    QList<SeedComment> comments;
};

} // namespace UserDesk
