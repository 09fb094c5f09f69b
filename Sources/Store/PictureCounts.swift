/// The picture queue's figures, for the operator.
public struct PictureCounts: Sendable, Equatable {
    public var pending: Int
    public var ready: Int
    public var refused: Int

    public init(pending: Int, ready: Int, refused: Int) {
        self.pending = pending
        self.ready = ready
        self.refused = refused
    }
}
