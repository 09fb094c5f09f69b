import EnbekshiCore

/// The sign-in form. Its token pairs with a cookie set beside it, so a form posted from another
/// site is refused.
enum LoginView {
    static func render(token: String, next: String?, login: String = "", problem: String? = nil) -> String {
        let e = HTMLEscaping.escape
        var main = ""
        if let problem { main += "<p class=\"problem\" role=\"alert\">\(e(problem))</p>\n" }
        main += """
            <form class="room-form" method="post" action="\(AdminRoute.login.path())">
            <input type="hidden" name="csrf" value="\(e(token))">
            <input type="hidden" name="next" value="\(e(next ?? ""))">
            <p><label for="login">Login</label>
            <input id="login" name="login" autocomplete="username" required maxlength="64" value="\(e(login))"></p>
            <p><label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200"></p>
            <p><label for="code">Code from your authenticator app (only if you turned on two-step sign-in)</label>
            <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="10" size="8"></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            <p>Accounts are made by an administrator with <code>enbekshi users add</code>.</p>
            """
        return AdminLayout.render(title: "Sign in", signedIn: nil, main: main)
    }
}
