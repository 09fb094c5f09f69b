import EnbekshiCore

/// Turning the second sign-in step on (a new secret for the member's authenticator app, confirmed
/// by a code from it and the password) or off.
enum TwoStepView {
    static func render(signedIn: SignedIn, secret: String, notice: String?) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice)
        if signedIn.editor.totpSecret != nil {
            main += """
                <p>Two-step sign-in is <strong>on</strong>: signing in asks for a code from your authenticator app.</p>
                <form class="room-form" method="post" action="\(AdminRoute.disableTwoStep.path())">
                \(AdminLayout.csrfField(signedIn))
                <p><label for="current">Your password</label>
                <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="200"></p>
                <p><button type="submit">Turn two-step sign-in off</button></p>
                </form>
                """
        } else {
            let enrolment = SignInCodes.enrolment(secret: secret, login: signedIn.editor.login)
            let grouped = stride(from: 0, to: enrolment.key.count, by: 4).map { start -> String in
                let from = enrolment.key.index(enrolment.key.startIndex, offsetBy: start)
                return String(enrolment.key[from..<(enrolment.key.index(from, offsetBy: 4, limitedBy: enrolment.key.endIndex) ?? enrolment.key.endIndex)])
            }.joined(separator: " ")
            main += """
                <p>Two-step sign-in is <strong>off</strong>. With it on, signing in also asks for the six-digit code your
                authenticator app (FreeOTP, Aegis, Google Authenticator, 1Password…) shows, so a stolen password alone lets nobody in.</p>
                <ol>
                <li>In the app, add an account by typing this key (time-based, 6 digits, every 30 seconds):
                <p><code class="key">\(e(grouped))</code></p>
                <p>or, where the app takes one, this address: <code class="key">\(e(enrolment.url))</code></p></li>
                <li>Type the code the app shows now, and your password.</li>
                </ol>
                <form class="room-form" method="post" action="\(AdminRoute.enableTwoStep.path())">
                \(AdminLayout.csrfField(signedIn))
                <input type="hidden" name="secret" value="\(e(secret))">
                <p><label for="code">Code from the app</label>
                <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="10" size="8"></p>
                <p><label for="current">Your password</label>
                <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="200"></p>
                <p><button type="submit">Turn two-step sign-in on</button></p>
                </form>
                <p>Lost the phone? An administrator turns it off with <code>enbekshi users two-step-off LOGIN</code>.</p>
                """
        }
        return AdminLayout.render(title: "Two-step sign-in", signedIn: signedIn, main: main)
    }
}
