import EnbekshiCore
import Foundation
import Hummingbird
import Publish
import Store

/// A member turns the second sign-in step on or off for their own account; both need the password
/// (a stolen session cannot change how the account signs in), and turning it on needs a code from
/// the app, so nobody is locked out by a secret their app never took.
extension Newsroom {
    func addTwoStepRoutes(to router: Router<SiteRequestContext>) {
        add(.twoStep, to: router) { request, _, signedIn, _ in
            AdminPage.response(
                TwoStepView.render(signedIn: signedIn, secret: SignInCodes.newSecret(), notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.enableTwoStep, to: router) { _, context, signedIn, form in
            try await checkPassword(form, signedIn, context)
            let secret = form["secret"] ?? ""
            guard secret.count == 32, secret.allSatisfy({ $0.isASCII && ($0.isUppercase || ("2"..."7").contains($0)) }) else {
                throw AdminError.badForm("The form's key is damaged: open the page again.")
            }
            guard let step = SignInCodes.step(of: form["code"] ?? "", secret: secret, now: Date()) else {
                throw AdminError.badForm("That is not the code the app shows for this key: check the app's clock, and type the newest code.")
            }
            try await desk.setSignInCodes(signedIn.editor, secret: secret, by: actor(signedIn, context))
            _ = try await store.useTOTPStep(editorID: signedIn.editor.id, step: step)
            return Response.redirect(to: Notice.path(AdminRoute.twoStep.path(), .twoStepOn), type: .normal)
        }
        add(.disableTwoStep, to: router) { _, context, signedIn, form in
            try await checkPassword(form, signedIn, context)
            try await desk.setSignInCodes(signedIn.editor, secret: nil, by: actor(signedIn, context))
            return Response.redirect(to: Notice.path(AdminRoute.twoStep.path(), .twoStepOff), type: .normal)
        }
    }

    /// The member's current password from `current`; wrong ones count as failed sign-ins.
    func checkPassword(_ form: [String: String], _ signedIn: SignedIn, _ context: SiteRequestContext) async throws {
        let address = Self.address(context)
        if let wait = throttle.retryAfter(account: signedIn.editor.login, address: address) { throw AdminError.throttled(retryAfter: wait) }
        guard await configuration.hasher.verify(form["current"] ?? "", hash: signedIn.editor.passwordHash) else {
            throttle.recordFailure(account: signedIn.editor.login, address: address)
            logger.warning("newsroom: wrong current password", metadata: ["account": "\(signedIn.editor.login)", "address": "\(address)"])
            throw AdminError.badForm("The current password is wrong.")
        }
    }
}
