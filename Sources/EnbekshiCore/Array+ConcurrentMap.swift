import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core: the array is cut into one contiguous slice per core and the results come
    /// back in order. For CPU work on a batch (cleaning and classifying a page of news); a single
    /// element runs inline.
    ///
    /// The slices run on Dispatch's threads, not on Swift concurrency's cooperative pool, which has
    /// one thread per core: a batch taking seconds there would stall every other task of the
    /// process meanwhile — lease renewals (the lease then lost), timers, requests.
    public func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let slices = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return map(transform) }
        let size = (count + slices - 1) / slices
        let elements = self
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let parts = Mutex([[Result]](repeating: [], count: slices))
                DispatchQueue.concurrentPerform(iterations: slices) { index in
                    let start = index * size
                    guard start < elements.count else { return }
                    let part = elements[start..<Swift.min(elements.count, start + size)].map(transform)
                    parts.withLock { $0[index] = part }
                }
                continuation.resume(returning: parts.withLock { $0.flatMap { $0 } })
            }
        }
    }
}
