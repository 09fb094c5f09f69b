import Foundation

extension Array where Element: Sendable {
    /// `map` on every core: the array is cut into one contiguous slice per core and the results come
    /// back in order. For CPU work on a batch (cleaning and classifying a page of news); a single
    /// element runs inline, without tasks.
    public func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let slices = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return map(transform) }
        let size = (count + slices - 1) / slices
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: count, by: size) {
                let slice = self[start..<Swift.min(count, start + size)]
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
