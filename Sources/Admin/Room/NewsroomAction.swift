import Store

/// Everything a member of the newsroom can ask to do. Each route of the room names one.
public enum NewsroomAction: String, Sendable, CaseIterable {
    case readQueue = "read the review queue"
    case readHistory = "read an article's history"
    case manageOwnSessions = "list and end one's own sessions"
    case changeOwnPassword = "change one's own password"
    case correct = "correct a headline, section, region or text"
    case hide = "hide an article"
    case editTranslation = "edit a machine translation"
    case writeArticle = "write the newsroom's own articles"
    case publish = "publish the newsroom's articles"
    case mergeStories = "merge and split stories"
    case revertOthers = "revert others' changes"
    case manageUsers = "manage accounts"
    case manageSources = "manage sources"
    case readAudit = "read and export the audit trail"
    case readOperations = "read the harvest's health"
    case deleteForGood = "delete for good"
}

/// The one place that decides what a role may do: each action has the least role allowed it,
/// and every role above may do what those below may.
public enum NewsroomPolicy {
    public static func minimumRole(for action: NewsroomAction) -> EditorRole {
        switch action {
        case .readQueue, .readHistory, .manageOwnSessions, .changeOwnPassword: .viewer
        case .correct, .hide, .editTranslation, .writeArticle: .editor
        case .publish, .mergeStories, .revertOthers: .chief
        case .manageUsers, .manageSources, .readAudit, .readOperations, .deleteForGood: .admin
        }
    }

    public static func allows(_ role: EditorRole, _ action: NewsroomAction) -> Bool {
        role >= minimumRole(for: action)
    }
}
