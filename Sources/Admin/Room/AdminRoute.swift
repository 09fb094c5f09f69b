import Foundation
import Hummingbird

/// Every address of the editors' room, declared once: its method, its path pattern, and the action
/// the policy must allow (nil for the sign-in pages, open to all). Links and forms take their
/// paths from here.
public enum AdminRoute: String, Sendable, CaseIterable {
    case loginPage, login, logout
    case dashboard
    case queue, approve
    case article, hideArticle, unhideArticle, hiddenArticles, correctArticle, restoreCorrection, textEditor, editText
    case sessions, endSession
    case password, twoStep, enableTwoStep, disableTwoStep
    case users, addUser, changeUser
    case sources, changeSource, sourcePage, correctSource, restoreSourceField
    case audit, auditExport, operations
    case mergeStory, splitStory, leadStory, keepApart, deleteArticle, history, restoreVersion
    case writing, newArticle, createArticle, ownArticle, saveArticle, submitArticle, publishArticle, withdrawArticle

    public var method: HTTPRequest.Method {
        switch self {
        case .loginPage, .dashboard, .queue, .article, .history, .twoStep, .textEditor, .sourcePage, .hiddenArticles, .sessions, .users, .sources, .audit, .auditExport, .operations, .writing, .newArticle,
            .ownArticle:
            .get
        case .login, .logout, .endSession, .password, .addUser, .changeUser, .hideArticle, .unhideArticle, .correctArticle, .restoreCorrection,
            .changeSource, .correctSource, .restoreSourceField, .approve, .restoreVersion, .enableTwoStep, .disableTwoStep, .editText, .mergeStory, .splitStory, .leadStory, .keepApart, .deleteArticle, .createArticle, .saveArticle, .submitArticle, .publishArticle, .withdrawArticle:
            .post
        }
    }

    /// The router's pattern (`{id}` where a value goes).
    public var pattern: String {
        switch self {
        case .loginPage, .login: "/admin/login"
        case .logout: "/admin/logout"
        case .dashboard: "/admin"
        case .queue: "/admin/queue"
        case .approve: "/admin/queue/approve"
        case .article: "/admin/articles/{id}"
        case .hideArticle: "/admin/articles/{id}/hide"
        case .unhideArticle: "/admin/articles/{id}/unhide"
        case .hiddenArticles: "/admin/hidden"
        case .correctArticle: "/admin/articles/{id}/correct"
        case .restoreCorrection: "/admin/articles/{id}/restore"
        case .textEditor, .editText: "/admin/articles/{id}/text"
        case .mergeStory: "/admin/articles/{id}/merge"
        case .splitStory: "/admin/articles/{id}/split"
        case .leadStory: "/admin/articles/{id}/lead"
        case .keepApart: "/admin/articles/{id}/apart"
        case .deleteArticle: "/admin/articles/{id}/delete"
        case .history, .restoreVersion: "/admin/articles/{id}/history"
        case .sessions: "/admin/sessions"
        case .endSession: "/admin/sessions/end"
        case .password: "/admin/password"
        case .twoStep, .enableTwoStep: "/admin/two-step"
        case .disableTwoStep: "/admin/two-step/off"
        case .users, .addUser: "/admin/users"
        case .changeUser: "/admin/users/{id}"
        case .sources: "/admin/sources"
        case .changeSource, .sourcePage: "/admin/sources/{slug}"
        case .correctSource: "/admin/sources/{slug}/correct"
        case .restoreSourceField: "/admin/sources/{slug}/restore"
        case .audit: "/admin/audit"
        case .auditExport: "/admin/audit.jsonl"
        case .operations: "/admin/operations"
        case .writing, .createArticle: "/admin/writing"
        case .newArticle: "/admin/writing/new"
        case .ownArticle, .saveArticle: "/admin/writing/{id}"
        case .submitArticle: "/admin/writing/{id}/submit"
        case .publishArticle: "/admin/writing/{id}/publish"
        case .withdrawArticle: "/admin/writing/{id}/withdraw"
        }
    }

    /// What the policy must allow; nil for signing in and out.
    public var action: NewsroomAction? {
        switch self {
        case .loginPage, .login, .logout: nil
        case .dashboard, .queue, .hiddenArticles: .readQueue
        case .article, .history: .readHistory
        case .restoreVersion: .correct
        case .hideArticle, .unhideArticle: .hide
        // Approving a source also needs `.manageSources` (checked by the handler).
        case .approve: .correct
        // Restoring another editor's correction also needs `.revertOthers` (checked by the handler).
        case .correctArticle, .restoreCorrection: .correct
        // A machine translation's text also needs `.editTranslation` (checked by the handler).
        case .textEditor, .editText: .correct
        case .mergeStory, .splitStory, .leadStory, .keepApart: .mergeStories
        case .deleteArticle: .deleteForGood
        case .sessions, .endSession: .manageOwnSessions
        case .password, .twoStep, .enableTwoStep, .disableTwoStep: .changeOwnPassword
        case .users, .addUser, .changeUser: .manageUsers
        case .sources, .changeSource, .sourcePage, .correctSource, .restoreSourceField: .manageSources
        case .audit, .auditExport: .readAudit
        case .operations: .readOperations
        case .writing, .ownArticle: .readHistory
        // Changing a scheduled or published article also needs `.publish` (checked by the handler).
        case .newArticle, .createArticle, .saveArticle, .submitArticle: .writeArticle
        case .publishArticle, .withdrawArticle: .publish
        }
    }

    /// The most a form of this route may send: an article's three editions need room.
    public var formLimit: Int {
        switch self {
        case .createArticle, .saveArticle: 1 << 20
        default: 64 << 10
        }
    }

    /// The path with `{id}` filled in.
    public func path(id: Int64? = nil) -> String {
        guard let id else { return pattern }
        return pattern.replacingOccurrences(of: "{id}", with: String(id))
    }

    /// The path with `{slug}` filled in (a source's slug: letters, digits and dashes).
    public func path(slug: String) -> String {
        pattern.replacingOccurrences(of: "{slug}", with: slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? slug)
    }
}
