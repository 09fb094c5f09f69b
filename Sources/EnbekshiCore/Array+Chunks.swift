extension Array {
    /// The array cut into consecutive pieces of `size` elements (the last may be shorter), in order:
    /// batches for an engine or a statement with a limit on its parameters.
    public func chunks(of size: Int) -> [[Element]] {
        let size = Swift.max(1, size)
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
