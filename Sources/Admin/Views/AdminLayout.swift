import EnbekshiCore
import Foundation
import Publish

/// The frame of every page of the room: the site's stylesheet, the room's navigation for the
/// signed-in member (only what their role may open), and a sign-out form.
enum AdminLayout {
    static func render(title: String, signedIn: SignedIn?, main: String) -> String {
        let e = HTMLEscaping.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>\(e(title)) — Newsroom — Enbekshi QazaQ</title>
            <link rel="stylesheet" href="\(e(SiteRoute.stylesheet.path))">
            </head>
            <body class="room">
            <a class="skip" href="#main">Skip to content</a>
            <header class="masthead">
            <div class="wrap">
            <a class="brand" href="\(AdminRoute.dashboard.path())">Enbekshi QazaQ · Newsroom</a>
            """
        if let signedIn {
            html += "\n<nav aria-label=\"Newsroom\">\n<ul class=\"nav\">"
            let links: [(AdminRoute, String)] = [
                (.dashboard, "Overview"), (.queue, "Review queue"), (.writing, "Our articles"), (.hiddenArticles, "Hidden"), (.users, "Accounts"), (.sources, "Sources"), (.audit, "Audit trail"), (.operations, "Operations"), (.sessions, "My sessions"),
            ]
            for (route, label) in links where route.action.map({ NewsroomPolicy.allows(signedIn.editor.role, $0) }) ?? true {
                html += "<li><a href=\"\(route.path())\">\(e(label))</a></li>"
            }
            html += """
                </ul>
                </nav>
                <form class="signout" method="post" action="\(AdminRoute.logout.path())">
                \(csrfField(signedIn))
                <span>\(e(signedIn.editor.displayName)) (\(e(signedIn.editor.role.rawValue)))</span>
                <button type="submit">Sign out</button>
                </form>
                """
        }
        html += """

            </div>
            </header>
            <main id="main" class="wrap">
            <h1>\(e(title))</h1>
            \(main)
            </main>
            </body>
            </html>

            """
        return html
    }

    /// A select's options, `selected` marking the one whose value it is; values and labels escaped.
    static func options(_ values: [(value: String, label: String)], selected: String?) -> String {
        values.map { value, label in
            "<option value=\"\(HTMLEscaping.escape(value))\"\(value == selected ? " selected" : "")>\(HTMLEscaping.escape(label))</option>"
        }.joined()
    }

    /// Every region as the room's selects offer it: its code and English name.
    static var regionChoices: [(value: String, label: String)] { Region.allCodes.map { ($0, Region.englishName(code: $0) ?? $0) } }

    /// Every section as the room's selects offer it.
    static var sectionChoices: [(value: String, label: String)] { Section.allCases.map { ($0.rawValue, $0.name(in: .en)) } }

    static func csrfField(_ signedIn: SignedIn) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLEscaping.escape(signedIn.session.csrfToken))\">"
    }

    static func notice(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"notice\" role=\"status\">\(HTMLEscaping.escape(text))</p>\n"
    }

    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false)
            .timeSeparator(.colon).dateTimeSeparator(.space)) + " UTC"
    }
}
