import EnbekshiCore
import Store

/// One's own signed-in browsers, each with a button that ends it.
enum SessionsView {
    static func render(_ sessions: [EditorSession], signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice)
        main += "<table class=\"sessions\">\n<thead><tr><th scope=\"col\">Signed in</th><th scope=\"col\">Last used</th><th scope=\"col\">From</th><th scope=\"col\">Browser</th><th scope=\"col\"></th></tr></thead>\n<tbody>\n"
        for session in sessions {
            let current = session.id == signedIn.session.id
            main += "<tr><td>\(AdminLayout.time(session.createdAt))</td><td>\(AdminLayout.time(session.lastSeenAt))</td>"
            main += "<td>\(e(session.address ?? "?"))</td><td>\(e(String((session.userAgent ?? "?").prefix(80))))</td><td>"
            if current {
                main += "this browser"
            } else {
                main += """
                    <form method="post" action="\(AdminRoute.endSession.path())">\(AdminLayout.csrfField(signedIn))\
                    <input type="hidden" name="session" value="\(e(session.id))"><button type="submit">End</button></form>
                    """
            }
            main += "</td></tr>\n"
        }
        main += "</tbody>\n</table>\n"
        return AdminLayout.render(title: "My sessions", signedIn: signedIn, main: main)
    }
}
