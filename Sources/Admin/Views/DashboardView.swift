import EnbekshiCore

/// The room's front: who is signed in, what their role allows, and the queue's counts.
enum DashboardView {
    static func render(_ queue: QueueModel, signedIn: SignedIn, notice: String?) -> String {
        let e = HTMLEscaping.escape
        var main = AdminLayout.notice(notice)
        main += "<p>Signed in as <strong>\(e(signedIn.editor.displayName))</strong> (\(e(signedIn.editor.login)), \(signedIn.editor.role.rawValue)).</p>\n"
        main += "<h2>Waiting for review</h2>\n" + QueueView.countsHTML(queue)
        main += "<p>Two-step sign-in is \(signedIn.editor.totpSecret == nil ? "off" : "on"): <a href=\"\(AdminRoute.twoStep.path())\">change it</a>.</p>\n"
        main += """
            <h2>Change your password</h2>
            <form class="room-form" method="post" action="\(AdminRoute.password.path())">
            \(AdminLayout.csrfField(signedIn))
            <p><label for="current">Current password</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="200"></p>
            <p><label for="new">New password (at least \(PasswordHasher.minimumLength) characters)</label>
            <input id="new" name="new" type="password" autocomplete="new-password" required minlength="\(PasswordHasher.minimumLength)" maxlength="200"></p>
            <p><button type="submit">Change password</button></p>
            </form>
            """
        return AdminLayout.render(title: "Overview", signedIn: signedIn, main: main)
    }
}
