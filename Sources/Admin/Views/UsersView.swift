import EnbekshiCore
import Store

/// Accounts, for admins: add one, change a role, disable or enable.
enum UsersView {
    static func render(_ accounts: [EditorAccount], signedIn: SignedIn, notice: String?, problem: String? = nil) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice)
        if let problem { main += "<p class=\"problem\" role=\"alert\">\(e(problem))</p>\n" }
        main += "<table class=\"users\">\n<thead><tr><th scope=\"col\">Login</th><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">State</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n"
        for account in accounts {
            main += "<tr><td>\(e(account.login))</td><td>\(e(account.displayName))</td><td>\(account.role.rawValue)</td>"
            main += "<td>\(account.disabled ? "disabled" : "active")</td><td>"
            if account.id != signedIn.editor.id {
                let options = AdminLayout.options(EditorRole.allCases.map { ($0.rawValue, $0.rawValue) }, selected: account.role.rawValue)
                main += """
                    <form method="post" action="\(AdminRoute.changeUser.path(id: account.id))">\(AdminLayout.csrfField(signedIn))\
                    <label for="role-\(account.id)">Role</label> <select id="role-\(account.id)" name="role">\(options)</select> \
                    <button type="submit" name="change" value="role">Set role</button> \
                    <button type="submit" name="change" value="\(account.disabled ? "enable" : "disable")">\(account.disabled ? "Enable" : "Disable")</button></form>
                    """
            } else {
                main += "you"
            }
            main += "</td></tr>\n"
        }
        main += "</tbody>\n</table>\n"
        let roles = AdminLayout.options(EditorRole.allCases.map { ($0.rawValue, $0.rawValue) }, selected: EditorRole.editor.rawValue)
        main += """
            <h2>Add an account</h2>
            <form class="room-form" method="post" action="\(AdminRoute.addUser.path())">
            \(AdminLayout.csrfField(signedIn))
            <p><label for="new-login">Login</label> <input id="new-login" name="login" required maxlength="64" pattern="[a-z0-9._\\-]{2,64}"></p>
            <p><label for="new-name">Name</label> <input id="new-name" name="name" maxlength="120"></p>
            <p><label for="new-role">Role</label> <select id="new-role" name="role">\(roles)</select></p>
            <p><label for="new-password">Password (at least \(PasswordHasher.minimumLength) characters)</label>
            <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="\(PasswordHasher.minimumLength)" maxlength="200"></p>
            <p><button type="submit">Add</button></p>
            </form>
            """
        return AdminLayout.render(title: "Accounts", signedIn: signedIn, main: main)
    }
}
