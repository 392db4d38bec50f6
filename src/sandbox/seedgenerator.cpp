#include "seedgenerator.h"

#include "splitmix64.h"

#include <QDate>
#include <QSet>

#include <array>

namespace UserDesk {

namespace {

// GoRest's public data is mostly Indian names, sometimes with an honorific.
constexpr std::array FemaleNames = { "Aadrika", "Abha", "Akshita", "Amrita", "Anjali", "Bhavani",
    "Chandrakala", "Charumati", "Deepali", "Devika", "Ganga", "Gauri", "Gita", "Indira", "Jaya", "Kamala",
    "Kalpana", "Lakshmi", "Lalita", "Madhu", "Meena", "Nandini", "Niharika", "Padma", "Poornima", "Radha",
    "Rukmini", "Sarala", "Shanti", "Sushma", "Tara", "Uma", "Urvashi", "Vasudha", "Vidya", "Yamini" };
constexpr std::array MaleNames = { "Aarav", "Achyut", "Bhaskar", "Adinath", "Agnivesh", "Amarnath", "Anand",
    "Arjun", "Balaaditya", "Chandan", "Chetan", "Deepak", "Devendra", "Dhanesh", "Ekaling", "Gopal",
    "Harinder", "Indrajit", "Jagdish", "Kailash", "Kalidas", "Karan", "Mahesh", "Manik", "Naveen", "Niranjan",
    "Pranay", "Rajiv", "Ravi", "Sanjay", "Somnath", "Suresh", "Tushar", "Vasudev", "Vinay", "Yogesh" };
constexpr std::array LastNames = { "Agarwal", "Ahluwalia", "Banerjee", "Bhattacharya", "Bhattathiri",
    "Chopra", "Dubashi", "Embranthiri", "Ganaka", "Gill", "Gupta", "Iyengar", "Iyer", "Jha", "Johar",
    "Kakkar", "Kapoor", "Kaul", "Khan", "Kocchar", "Kumar", "Mehra", "Menon", "Mishra", "Nair", "Namboothiri",
    "Pandey", "Panicker", "Patel", "Pillai", "Prajapat", "Reddy", "Saini", "Sharma", "Shukla", "Sinha",
    "Tagore", "Trivedi", "Varman", "Verma" };
constexpr std::array Honorifics = { "Dr. ", "Mr. ", "Mrs. ", "Ms. ", "Msgr. ", "Amb. ", "Gov. " };
constexpr std::array Domains = { "kuhn.test", "gutmann.example", "bergnaum.test", "hickle.example",
    "ratke.test", "schinner.example", "oconnell.test", "wolff.example", "kemmer.test", "dibbert.example" };
// GoRest's post and todo texts are pseudo-Latin.
constexpr std::array Words = { "abbas", "absque", "acer", "adflicto", "adhuc", "aedificium", "alius",
    "amitto", "angulus", "animi", "appono", "arca", "argentum", "asper", "attollo", "autem", "beatus",
    "bellicus", "caelum", "calamitas", "canto", "capillus", "cena", "clamo", "coepi", "comes", "consequatur",
    "corpus", "creber", "cupio", "decet", "defluo", "demens", "depono", "desolo", "dolorem", "earum", "ego",
    "eius", "error", "et", "facilis", "fugit", "hic", "iste", "laboriosam", "magni", "modi", "nam", "natus",
    "nostrum", "officia", "omnis", "pariatur", "quia", "quo", "rerum", "saepe", "sed", "soluta", "tempora",
    "ullam", "velit", "vero", "vitae", "volo" };

template<std::size_t N> QString pick(SplitMix64 &rng, const std::array<const char *, N> &list)
{
    return QString::fromLatin1(list[rng.bounded(N)]);
}

QString sentence(SplitMix64 &rng, int minWords, int maxWords)
{
    const int count = minWords + int(rng.bounded(quint64(maxWords - minWords + 1)));
    QString text;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += QLatin1Char(' ');
        text += pick(rng, Words);
    }
    text[0] = text[0].toUpper();
    return text;
}

QString paragraph(SplitMix64 &rng)
{
    const int sentences = 2 + int(rng.bounded(4));
    QString text;
    for (int i = 0; i < sentences; ++i) {
        if (i > 0)
            text += QLatin1Char(' ');
        text += sentence(rng, 5, 14) + QLatin1Char('.');
    }
    return text;
}

} // namespace

SeedData SeedGenerator::generate(int userCount, quint64 seed)
{
    SplitMix64 rng(seed);
    SeedData data;
    data.users.reserve(userCount);
    data.posts.reserve(userCount * 3 / 2);
    data.todos.reserve(userCount * 3 / 2);
    QSet<QString> emails;
    emails.reserve(userCount);
    const QDate firstDue(2024, 1, 1);

    for (int index = 0; index < userCount; ++index) {
        SeedUser user;
        const bool female = rng.chance(0.5);
        const QString first = female ? pick(rng, FemaleNames) : pick(rng, MaleNames);
        const QString last = pick(rng, LastNames);
        const QString honorific = rng.chance(0.15) ? pick(rng, Honorifics) : QString();
        user.name = honorific + first + QLatin1Char(' ') + last;
        user.gender = female ? QStringLiteral("female") : QStringLiteral("male");
        user.status = rng.chance(0.5) ? QStringLiteral("active") : QStringLiteral("inactive");

        const QString local = first.toLower() + QLatin1Char('_') + last.toLower();
        const QString domain = pick(rng, Domains);
        QString email = local + QLatin1Char('@') + domain;
        // Name combinations run out long before 10000 users; a numeric suffix keeps
        // emails unique (the store enforces it) without losing the GoRest look.
        for (int suffix = 2; emails.contains(email); ++suffix)
            email = local + QLatin1Char('_') + QString::number(suffix) + QLatin1Char('@') + domain;
        emails.insert(email);
        user.email = email;
        data.users.append(user);

        const int posts = int(rng.bounded(4));
        for (int p = 0; p < posts; ++p)
            data.posts.append({ index, sentence(rng, 3, 9), paragraph(rng) });

        const int todos = int(rng.bounded(4));
        for (int t = 0; t < todos; ++t) {
            const QDate due = firstDue.addDays(qint64(rng.bounded(4 * 365)));
            data.todos.append({ index, sentence(rng, 3, 8),
                due.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000+05:30"),
                rng.chance(0.5) ? QStringLiteral("completed") : QStringLiteral("pending") });
        }
    }

    // Comments draw from a generator of their own, so that users, posts and todos stay what they
    // were before comments existed.
    SplitMix64 commentRng(seed ^ 0xc0ffee5eedULL);
    data.comments.reserve(data.posts.size());
    for (int postIndex = 0; postIndex < data.posts.size(); ++postIndex) {
        const int comments = int(commentRng.bounded(3));
        for (int c = 0; c < comments; ++c) {
            const bool female = commentRng.chance(0.5);
            const QString first = female ? pick(commentRng, FemaleNames) : pick(commentRng, MaleNames);
            const QString last = pick(commentRng, LastNames);
            const QString email = first.toLower() + QLatin1Char('_') + last.toLower() + QLatin1Char('@')
                + pick(commentRng, Domains);
            data.comments.append({ postIndex, first + QLatin1Char(' ') + last, email,
                sentence(commentRng, 6, 20) + QLatin1Char('.') });
        }
    }
    return data;
}

} // namespace UserDesk
