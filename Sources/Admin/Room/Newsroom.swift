import EnbekshiCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import Publish
import Store

/// The editors' room at `/admin`: signing in and out, the review queue, one's sessions, accounts
/// and the audit trail. Every route is declared in `AdminRoute` with the action the policy must
/// allow; `add` checks the session, the policy and (for forms) the CSRF token before a handler runs.
public struct Newsroom: Sendable {
    public struct Configuration: Sendable {
        /// A session unused this long has ended.
        public var idleTimeout: Duration
        /// Cookies marked `Secure`: when readers reach the site over https.
        public var secureCookies: Bool
        public var hasher: PasswordHasher
        public var throttle: LoginThrottle.Limits

        public init(
            idleTimeout: Duration = .seconds(2 * 3600), secureCookies: Bool = false, hasher: PasswordHasher,
            throttle: LoginThrottle.Limits = LoginThrottle.Limits()
        ) {
            self.idleTimeout = idleTimeout
            self.secureCookies = secureCookies
            self.hasher = hasher
            self.throttle = throttle
        }
    }

    let store: any NewsStore
    let configuration: Configuration
    let throttle: LoginThrottle
    let desk: AccountDesk
    public let publisher: NewsroomPublisher
    let logger: Logger
    /// Compared against when a login names no account, so a wrong login costs as long as a wrong password.
    let decoyHash: String
    /// Called after every change readers can see, so the public site shows it at once.
    let contentChanged: @Sendable () -> Void

    static let loginCookie = "enbekshi_login"
    static let formLimit = 64 << 10
    static let auditPage = 100

    public init(
        store: any NewsStore, configuration: Configuration, logger: Logger, contentChanged: @escaping @Sendable () -> Void = {}
    ) async throws {
        self.store = store
        self.contentChanged = contentChanged
        self.configuration = configuration
        self.throttle = LoginThrottle(limits: configuration.throttle)
        self.desk = AccountDesk(store: store, hasher: configuration.hasher)
        self.publisher = NewsroomPublisher(store: store, logger: logger, contentChanged: contentChanged)
        self.logger = logger
        self.decoyHash = try await configuration.hasher.hash(SessionSecret.make())
    }

    /// Where a form from the review queue goes back to: the queue as it was filtered. Rebuilt from
    /// the filter, so a form cannot send an editor anywhere else.
    static func back(_ form: [String: String]) -> String? {
        guard let back = form["back"], back == AdminRoute.queue.path() || back.hasPrefix(AdminRoute.queue.path() + "?") else { return nil }
        let query = back.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
        return (try? QueueFilter(QueryItems.parse(query)))?.path
    }

    public func router() -> Router<SiteRequestContext> {
        let router = Router(context: SiteRequestContext.self)
        router.add(middleware: RouteRecorder())
        router.add(middleware: AdminResponseMiddleware(logger: logger))
        router.on(RouterPath(AdminRoute.loginPage.pattern), method: .get) { request, _ in try await loginPage(request) }
        router.on(RouterPath(AdminRoute.login.pattern), method: .post) { request, context in try await login(request, context) }
        add(.logout, to: router) { _, context, signedIn, _ in
            try await store.endSession(id: signedIn.session.id)
            try await audit(signedIn, "session.logout", target: "user:\(signedIn.editor.login)", context: context)
            var response = Response.redirect(to: AdminRoute.loginPage.path(), type: .normal)
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
        add(.dashboard, to: router) { request, _, signedIn, _ in
            let queue = try await QueueModel.load(store: store, filter: QueueFilter())
            return AdminPage.response(DashboardView.render(queue, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.queue, to: router) { _, _, signedIn, form in
            let model = try await QueueModel.load(store: store, filter: try QueueFilter(form))
            return AdminPage.response(QueueView.render(model, signedIn: signedIn, notice: Notice.text(form["done"])))
        }
        add(.article, to: router) { request, context, signedIn, _ in
            guard let id = context.parameters.get("id").flatMap(Int64.init), let model = try await ArticleDeskModel.load(id: id, store: store)
            else { throw AdminError.notFound }
            return AdminPage.response(ArticleDeskView.render(model, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.hideArticle, to: router) { _, context, signedIn, form in
            let id = try await articleID(context)
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw AdminError.badForm("Say why the article is hidden: readers see the reason.") }
            let reasonShown = String(reason.prefix(300))
            if try await store.hide(articleID: id, reason: reasonShown, actor: signedIn.editor.login, at: Date()) {
                contentChanged()
                try await audit(signedIn, "article.hide", target: "article:\(id)", after: reasonShown, context: context)
            }
            return Response.redirect(to: Notice.path(Self.back(form) ?? AdminRoute.article.path(id: id), .hidden), type: .normal)
        }
        add(.unhideArticle, to: router) { _, context, signedIn, _ in
            let id = try await articleID(context)
            let before = try await store.hiddenArticle(id: id)
            if try await store.unhide(articleID: id) {
                contentChanged()
                try await audit(signedIn, "article.unhide", target: "article:\(id)", before: before?.reason, context: context)
            }
            return Response.redirect(to: Notice.path(AdminRoute.article.path(id: id), .shown), type: .normal)
        }
        add(.correctArticle, to: router) { _, context, signedIn, form in
            guard let id = context.parameters.get("id").flatMap(Int64.init), let article = try await store.article(id: id) else {
                throw AdminError.notFound
            }
            let reason = try Self.reason(form)
            var changes: [(field: Correction.Field, language: Language?, before: String, after: String)] = []
            for language in Language.allCases {
                guard let version = article.versions[language], let raw = form["title-\(language.rawValue)"] else { continue }
                let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !title.isEmpty else { throw AdminError.badForm("A headline cannot be empty (\(language.rawValue)).") }
                if title != version.title { changes.append((.title, language, version.title, String(title.prefix(300)))) }
            }
            if let raw = form["section"], raw != article.topics?.section.rawValue {
                guard Section(rawValue: raw) != nil else { throw AdminError.badForm("There is no section \"\(raw)\".") }
                changes.append((.section, nil, article.topics?.section.rawValue ?? "", raw))
            }
            if let raw = form["region"], raw != article.topics?.region {
                guard Region.allCodes.contains(raw) else { throw AdminError.badForm("There is no region \"\(raw)\".") }
                changes.append((.region, nil, article.topics?.region ?? "", raw))
            }
            let now = Date()
            for change in changes {
                let correction = Correction(
                    articleID: id, language: change.language, field: change.field, value: change.after, actor: signedIn.editor.login,
                    reason: reason, at: now)
                guard try await store.correct(correction) else { continue }
                let field = change.field.rawValue + (change.language.map { "[\($0.rawValue)]" } ?? "")
                try await audit(
                    signedIn, "article.correct", target: "article:\(id)", before: "\(field): \(change.before)", after: "\(field): \(change.after) (\(reason))",
                    context: context)
            }
            if !changes.isEmpty { contentChanged() }
            return Response.redirect(to: Notice.path(AdminRoute.article.path(id: id), changes.isEmpty ? .unchanged : .corrected), type: .normal)
        }
        add(.restoreCorrection, to: router) { _, context, signedIn, form in
            let id = try await articleID(context)
            guard let field = form["field"].flatMap(Correction.Field.init(rawValue:)) else { throw AdminError.badForm("Say which correction.") }
            let language = form["lang"].flatMap(Language.init(rawValue:))
            let existing = try await store.corrections(articleID: id).first { $0.field == field && (!field.isPerEdition || $0.language == language) }
            guard let existing else { throw AdminError.badForm("That correction is not in force.") }
            if existing.actor != signedIn.editor.login, !signedIn.may(.revertOthers) {
                throw AdminError.forbidden(.revertOthers, signedIn.editor.role)
            }
            if let removed = try await store.removeCorrection(articleID: id, language: language, field: field) {
                contentChanged()
                let name = field.rawValue + (language.map { "[\($0.rawValue)]" } ?? "")
                try await audit(
                    signedIn, "article.restore", target: "article:\(id)", before: "\(name): \(removed.value)",
                    after: "\(name): \(removed.replaced ?? "")", context: context)
            }
            return Response.redirect(to: Notice.path(AdminRoute.article.path(id: id), .restored), type: .normal)
        }
        add(.deleteArticle, to: router) { _, context, signedIn, form in
            guard let id = context.parameters.get("id").flatMap(Int64.init), let article = try await store.article(id: id) else {
                throw AdminError.notFound
            }
            guard form["confirm"] == String(id) else { throw AdminError.badForm("Type the article's number to confirm.") }
            guard try await store.deleteForGood(articleID: id) else {
                throw AdminError.badForm("Only a hidden article is deleted for good: hide it first.")
            }
            contentChanged()
            let titles = article.versions.keys.sorted().compactMap { language in article.versions[language].map { "\(language.rawValue): \($0.title)" } }
            try await audit(
                signedIn, "article.delete", target: "article:\(id)", before: "\(article.key): " + titles.joined(separator: " | "), context: context)
            return Response.redirect(to: Notice.path(AdminRoute.hiddenArticles.path(), .deleted), type: .normal)
        }
        add(.hiddenArticles, to: router) { _, _, signedIn, form in
            AdminPage.response(ArticleDeskView.hiddenList(try await store.hiddenArticles(limit: 500), signedIn: signedIn, notice: Notice.text(form["done"])))
        }
        add(.approve, to: router) { _, context, signedIn, form in
            let now = Date()
            if let slug = form["source"] {
                guard signedIn.may(.manageSources) else { throw AdminError.forbidden(.manageSources, signedIn.editor.role) }
                guard try await store.approveSource(slug: slug, actor: signedIn.editor.login, at: now) else { throw AdminError.notFound }
                try await audit(signedIn, "source.approve", target: "source:\(slug)", context: context)
            } else if let id = form["article"].flatMap(Int64.init), form["topics"] == "1" {
                guard try await store.approveTopics(articleID: id, actor: signedIn.editor.login, at: now) else { throw AdminError.notFound }
                try await audit(signedIn, "topics.approve", target: "article:\(id)", context: context)
            } else if let id = form["article"].flatMap(Int64.init), let language = form["lang"].flatMap(Language.init(rawValue:)) {
                guard try await store.approve(articleID: id, language: language, actor: signedIn.editor.login, at: now) else {
                    throw AdminError.notFound
                }
                try await audit(signedIn, "version.approve", target: "article:\(id)", after: language.rawValue, context: context)
            } else {
                throw AdminError.badForm("Say which article and which edition, an article's topics, or a source.")
            }
            return Response.redirect(to: Notice.path(Self.back(form) ?? AdminRoute.queue.path(), .approved), type: .normal)
        }
        add(.sessions, to: router) { request, _, signedIn, _ in
            let sessions = try await store.sessions(editorID: signedIn.editor.id)
            return AdminPage.response(SessionsView.render(sessions, signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.endSession, to: router) { _, context, signedIn, form in
            guard let id = form["session"], id != signedIn.session.id,
                try await store.sessions(editorID: signedIn.editor.id).contains(where: { $0.id == id })
            else { throw AdminError.badForm("That is not one of your other sessions.") }
            try await store.endSession(id: id)
            try await audit(signedIn, "session.end", target: "user:\(signedIn.editor.login)", context: context)
            return Response.redirect(to: Notice.path(AdminRoute.sessions.path(), .sessionEnded), type: .normal)
        }
        add(.password, to: router) { request, context, signedIn, form in
            // Wrong current passwords count as failed sign-ins: a stolen session cannot guess it freely.
            try await checkPassword(form, signedIn, context)
            do {
                try await desk.setPassword(signedIn.editor, to: form["new"] ?? "", by: actor(signedIn, context))
            } catch let failure as AccountDesk.Failure {
                throw AdminError.badForm(failure.description)
            }
            // Every session ended with the old password: this browser gets a new one.
            var response = Response.redirect(to: Notice.path(AdminRoute.dashboard.path(), .passwordChanged), type: .normal)
            response.setCookie(try await startSession(for: signedIn.editor, request, address: Self.address(context)))
            return response
        }
        add(.users, to: router) { request, _, signedIn, _ in
            AdminPage.response(UsersView.render(try await store.editors(), signedIn: signedIn, notice: Notice.text(QueryItems.parse(request.uri.query)["done"])))
        }
        add(.addUser, to: router) { _, context, signedIn, form in
            guard let role = form["role"].flatMap(EditorRole.init(rawValue:)) else { throw AdminError.badForm("Choose a role.") }
            do {
                _ = try await desk.add(
                    login: form["login"] ?? "", displayName: form["name"], role: role, password: form["password"] ?? "",
                    by: actor(signedIn, context))
                return Response.redirect(to: Notice.path(AdminRoute.users.path(), .accountAdded), type: .normal)
            } catch let failure as AccountDesk.Failure {
                return AdminPage.response(
                    UsersView.render(try await store.editors(), signedIn: signedIn, notice: nil, problem: failure.description), status: .badRequest)
            }
        }
        add(.changeUser, to: router) { _, context, signedIn, form in
            guard let id = context.parameters.get("id").flatMap(Int64.init), let account = try await store.editor(id: id) else {
                throw AdminError.notFound
            }
            do {
                switch form["change"] {
                case "role":
                    guard let role = form["role"].flatMap(EditorRole.init(rawValue:)) else { throw AdminError.badForm("Choose a role.") }
                    try await desk.setRole(account, to: role, by: actor(signedIn, context), actorID: signedIn.editor.id)
                case "disable": try await desk.setDisabled(account, true, by: actor(signedIn, context), actorID: signedIn.editor.id)
                case "enable": try await desk.setDisabled(account, false, by: actor(signedIn, context), actorID: signedIn.editor.id)
                default: throw AdminError.badForm("Say what to change: role, disable or enable.")
                }
            } catch let failure as AccountDesk.Failure {
                throw AdminError.badForm(failure.description)
            }
            return Response.redirect(to: Notice.path(AdminRoute.users.path(), .accountChanged), type: .normal)
        }
        add(.sources, to: router) { _, _, signedIn, form in
            let query = String((form["q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
            let raw = form["state"] ?? "all"
            guard let state = SourcesModel.State(rawValue: raw) else { throw AdminError.badForm("Show all, enabled, disabled or failing, not \"\(raw)\".") }
            let model = try await SourcesModel.load(store: store, query: query, state: state)
            return AdminPage.response(SourcesView.render(model, signedIn: signedIn, notice: Notice.text(form["done"])))
        }
        add(.changeSource, to: router) { _, context, signedIn, form in
            guard let slug = context.parameters.get("slug"), let source = try await store.source(slug: slug) else { throw AdminError.notFound }
            guard source.kind != .newsroom else { throw AdminError.badForm("The newsroom's own articles are written in the room, never harvested.") }
            let enable: Bool
            switch form["change"] {
            case "enable": enable = true
            case "disable": enable = false
            default: throw AdminError.badForm("Say whether to enable or disable the source.")
            }
            if source.enabled != enable, try await store.setEnabled(enable, slug: slug) {
                contentChanged()
                try await audit(
                    signedIn, enable ? "source.enable" : "source.disable", target: "source:\(slug)", context: context)
            }
            let found = AdminRoute.sources.path() + "?q=" + (slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response.redirect(to: Notice.path(found, enable ? .harvesting : .notHarvesting), type: .normal)
        }
        add(.audit, to: router) { _, _, signedIn, form in
            let filter = try Self.auditFilter(form)
            let entries = try await store.auditEntries(filter, limit: Self.auditPage)
            return AdminPage.response(AuditView.render(entries, filter: filter, pageSize: Self.auditPage, signedIn: signedIn))
        }
        add(.operations, to: router) { _, _, signedIn, form in
            AdminPage.response(OperationsView.render(try await OperationsModel.load(store: store, form: form), signedIn: signedIn))
        }
        add(.auditExport, to: router) { _, context, signedIn, form in
            var filter = try Self.auditFilter(form)
            try await audit(signedIn, "audit.export", target: "audit", context: context)
            var lines = ""
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            while true {
                let page = try await store.auditEntries(filter, limit: 1_000)
                for entry in page { lines += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n" }
                guard page.count == 1_000, let last = page.last?.id else { break }
                filter.beforeID = last
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/x-ndjson; charset=utf-8", .contentDisposition: "attachment; filename=\"audit.jsonl\""],
                body: .init(byteBuffer: ByteBuffer(string: lines)))
        }
        addTextRoutes(to: router)
        addStoryRoutes(to: router)
        addWritingRoutes(to: router)
        addSourceRoutes(to: router)
        addHistoryRoutes(to: router)
        addTwoStepRoutes(to: router)
        return router
    }

    // MARK: Guarded routes

    typealias Handler = @Sendable (Request, SiteRequestContext, SignedIn, [String: String]) async throws -> Response

    /// Registers a route that needs a session whose role the policy allows the route's action;
    /// a form (any method but GET) must also carry the session's CSRF token.
    func add(_ route: AdminRoute, to router: Router<SiteRequestContext>, _ handler: @escaping Handler) {
        router.on(RouterPath(route.pattern), method: route.method) { request, context in
            var request = request
            guard let signedIn = try await signedIn(request) else { throw AdminError.notSignedIn(next: request.uri.description) }
            if let action = route.action, !signedIn.may(action) { throw AdminError.forbidden(action, signedIn.editor.role) }
            let form: [String: String]
            if route.method == .get {
                form = QueryItems.parse(request.uri.query)
            } else {
                form = try await Self.form(&request, limit: route.formLimit)
                guard let token = form["csrf"], SessionSecret.equal(token, signedIn.session.csrfToken) else {
                    logger.warning("newsroom: form refused, CSRF token missing or wrong", metadata: ["account": "\(signedIn.editor.login)", "path": "\(request.uri.path)"])
                    throw AdminError.csrf
                }
            }
            return try await handler(request, context, signedIn, form)
        }
    }

    /// The session a request's cookie names, if it is current and its account enabled. A session
    /// idle past the limit, or of a disabled account, is ended here.
    func signedIn(_ request: Request) async throws -> SignedIn? {
        guard let secret = request.cookies[RoomBoundary.sessionCookie]?.value, (20...100).contains(secret.count) else { return nil }
        let id = SessionSecret.storedID(secret)
        guard let session = try await store.session(id: id) else { return nil }
        let now = Date()
        let idle = now.timeIntervalSince(session.lastSeenAt)
        guard idle <= Double(configuration.idleTimeout.components.seconds) else {
            try await store.endSession(id: id)
            return nil
        }
        guard let editor = try await store.editor(id: session.editorID), !editor.disabled else {
            try await store.endSession(id: id)
            return nil
        }
        // Written at most once a minute: a page need not cost a write.
        if idle > 60 { try await store.touchSession(id: id, at: now) }
        return SignedIn(editor: editor, session: session)
    }

    // MARK: Signing in

    /// The form, also to someone signed in already (to sign in as another account: the session
    /// they had ends when the new one starts).
    func loginPage(_ request: Request) async throws -> Response {
        let token = SessionSecret.make()
        var response = AdminPage.response(LoginView.render(token: token, next: QueryItems.parse(request.uri.query)["next"]))
        response.setCookie(loginCookie(token, maxAge: 3600))
        return response
    }

    func login(_ request: Request, _ context: SiteRequestContext) async throws -> Response {
        var request = request
        let form = try await Self.form(&request)
        guard let token = form["csrf"], let cookie = request.cookies[Self.loginCookie]?.value, SessionSecret.equal(token, cookie) else {
            throw AdminError.csrf
        }
        let login = EditorAccount.normalised(login: form["login"] ?? "")
        let address = Self.address(context)
        if let wait = throttle.retryAfter(account: login, address: address) {
            logger.warning("newsroom: sign-in throttled", metadata: ["account": "\(login)", "address": "\(address)"])
            throw AdminError.throttled(retryAfter: wait)
        }
        let password = form["password"] ?? ""
        let account = login.isEmpty ? nil : try await store.editor(login: login)
        var matches = await configuration.hasher.verify(password, hash: account?.passwordHash ?? decoyHash)
        // The second step, for accounts that turned it on: asked on the same form, refused alike.
        if matches, let account, account.totpSecret != nil {
            matches = try await SignInCodes.verify(form["code"] ?? "", account: account, store: store)
        }
        guard var account, matches, !account.disabled else {
            throttle.recordFailure(account: login, address: address)
            // One line per failure with account and address, for fail2ban.
            logger.warning("newsroom: sign-in failed", metadata: ["account": "\(login)", "address": "\(address)"])
            try await store.appendAudit(
                AuditEntry(actor: login.isEmpty ? "anonymous" : login, action: "session.login-failed", target: "user:\(login)", address: address))
            var response = AdminPage.response(
                LoginView.render(token: token, next: form["next"], login: login, problem: "Wrong login, password or code, or the account is disabled."),
                status: .unauthorized)
            response.setCookie(loginCookie(token, maxAge: 3600))
            return response
        }
        throttle.recordSuccess(account: login)
        if configuration.hasher.needsRehash(account.passwordHash) {
            account.passwordHash = try await configuration.hasher.hash(password)
            try await store.updateEditor(account)
        }
        // A session the browser already had is ended: signing in always starts a new one.
        if let old = request.cookies[RoomBoundary.sessionCookie]?.value { try await store.endSession(id: SessionSecret.storedID(old)) }
        let session = try await startSession(for: account, request, address: address)
        try await store.appendAudit(AuditEntry(actor: account.login, action: "session.login", target: "user:\(account.login)", address: address))
        logger.info("newsroom: signed in", metadata: ["account": "\(account.login)", "address": "\(address)"])
        var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
        response.setCookie(session)
        response.setCookie(loginCookie("", maxAge: 0))
        return response
    }

    /// Starts a session for an account and returns the cookie that carries its secret.
    func startSession(for account: EditorAccount, _ request: Request, address: String? = nil) async throws -> Cookie {
        let secret = SessionSecret.make()
        let now = Date()
        try await store.startSession(
            EditorSession(
                id: SessionSecret.storedID(secret), editorID: account.id, csrfToken: SessionSecret.make(), createdAt: now, lastSeenAt: now,
                address: address, userAgent: request.headers[.userAgent].map { String($0.prefix(200)) }))
        return sessionCookie(secret, maxAge: nil)
    }

    func sessionCookie(_ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: RoomBoundary.sessionCookie, value: value, maxAge: maxAge, path: RoomBoundary.pathPrefix, secure: configuration.secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    func loginCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.loginCookie, value: value, maxAge: maxAge, path: AdminRoute.login.path(), secure: configuration.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// Where to go after signing in: a path of the room, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, RoomBoundary.contains(path: String(next.split(separator: "?", maxSplits: 1).first ?? "")),
            !next.contains("//"), !next.contains("\\"), next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return AdminRoute.dashboard.path() }
        return next
    }

    // MARK: Helpers

    /// A form body (`application/x-www-form-urlencoded`), at most `limit` bytes.
    static func form(_ request: inout Request, limit: Int = formLimit) async throws -> [String: String] {
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw AdminError.badForm("The form is larger than \(limit >> 10) KB.")
        }
        return QueryItems.parse(String(buffer: body))
    }

    /// The stored article a route's `{id}` names; 404 otherwise.
    func articleID(_ context: SiteRequestContext) async throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap(Int64.init), try await store.article(id: id) != nil else { throw AdminError.notFound }
        return id
    }

    static func address(_ context: SiteRequestContext) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }

    static func auditFilter(_ form: [String: String]) throws -> AuditFilter {
        func text(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return String(value.prefix(200))
        }
        var before: Int64?
        if let raw = text("before") {
            guard let id = Int64(raw), id > 0 else { throw AdminError.badForm("\"before\" must be an entry number, not \"\(raw)\".") }
            before = id
        }
        return AuditFilter(actor: text("actor"), actionPrefix: text("action"), target: text("target"), beforeID: before)
    }

    func actor(_ signedIn: SignedIn, _ context: SiteRequestContext) -> AccountDesk.Actor {
        AccountDesk.Actor(name: signedIn.editor.login, address: Self.address(context))
    }

    func audit(
        _ signedIn: SignedIn, _ action: String, target: String, before: String? = nil, after: String? = nil, context: SiteRequestContext
    ) async throws {
        try await store.appendAudit(
            AuditEntry(
                actor: signedIn.editor.login, action: action, target: target, before: before, after: after, address: Self.address(context)))
    }
}
