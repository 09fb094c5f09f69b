import Store

/// A member of the newsroom and the session they are signed in with.
public struct SignedIn: Sendable {
    public var editor: EditorAccount
    public var session: EditorSession

    public func may(_ action: NewsroomAction) -> Bool { NewsroomPolicy.allows(editor.role, action) }
}
