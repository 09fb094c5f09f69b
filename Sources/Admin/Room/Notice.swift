/// What the page after a form says was done. The address carries only the notice's name: a link
/// cannot put words of its own on a page of the room.
enum Notice: String, Sendable {
    case hidden, shown, approved, corrected, unchanged, restored, sessionEnded = "session-ended", passwordChanged = "password-changed"
    case accountAdded = "account-added", accountChanged = "account-changed", harvesting, notHarvesting = "not-harvesting"
    case deleted, storyChanged = "story-changed", textEdited = "text-edited", draftSaved = "draft-saved", submitted, published, scheduled, withdrawn
    case catalogRestored = "catalog-restored", versionRestored = "version-restored", twoStepOn = "two-step-on", twoStepOff = "two-step-off"

    var text: String {
        switch self {
        case .hidden: "Hidden from readers."
        case .shown: "Shown to readers again."
        case .approved: "Approved as it stands; it leaves the queue until its text changes."
        case .corrected: "Corrected."
        case .unchanged: "Nothing changed."
        case .restored: "The machines' value is back."
        case .catalogRestored: "The catalog's value is back."
        case .twoStepOn: "Two-step sign-in is on: from now on, signing in asks for a code from your app."
        case .twoStepOff: "Two-step sign-in is off."
        case .versionRestored: "That version of gov.kz's text is shown again, kept as a correction."
        case .sessionEnded: "Session ended."
        case .passwordChanged: "Password changed; your other sessions have ended."
        case .accountAdded: "Account added."
        case .accountChanged: "Account changed."
        case .harvesting: "The source is harvested."
        case .notHarvesting: "The source is no longer harvested."
        case .deleted: "Deleted for good."
        case .storyChanged: "Story changed; later harvests keep it so."
        case .textEdited: "Text corrected: readers see it now, and later harvests and translation runs keep it."
        case .draftSaved: "Saved."
        case .submitted: "Submitted: a chief editor publishes it."
        case .published: "Published: it is on the public site; missing languages follow by machine translation."
        case .scheduled: "Scheduled: it appears at the time set."
        case .withdrawn: "Back to draft."
        }
    }

    /// `?done=NAME` added to a path.
    static func path(_ path: String, _ notice: Notice) -> String {
        path + (path.contains("?") ? "&" : "?") + "done=" + notice.rawValue
    }

    /// The notice a request's `done` names; nil for none or an unknown one.
    static func text(_ done: String?) -> String? {
        done.flatMap(Notice.init(rawValue:))?.text
    }
}
