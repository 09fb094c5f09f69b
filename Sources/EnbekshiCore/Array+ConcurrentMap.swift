import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core: the array is cut into one contiguous slice per core and the results come
    /// back in order. For CPU work on a batch (cleaning and classifying a page of news); a single
    /// element runs inline.
    ///
    /// Each slice runs on a thread of its own, outside Swift concurrency's pools and Dispatch's
    /// (which share threads per priority on Linux, one per core, and do not grow): a batch taking
    /// seconds there stalled every other task of the process meanwhile — lease renewals (the
    /// lease then lost), timers, requests. A thread costs tens of microseconds; a batch, milliseconds
    /// at least.
    public func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let slices = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return map(transform) }
        let size = (count + slices - 1) / slices
        let elements = self
        return await withCheckedContinuation { continuation in
            let state = Mutex((parts: [[Result]](repeating: [], count: slices), running: slices))
            for index in 0..<slices {
                let thread = Thread {
                    let start = index * size
                    let part = start < elements.count ? elements[start..<Swift.min(elements.count, start + size)].map(transform) : []
                    let finished = state.withLock { state -> [[Result]]? in
                        state.parts[index] = part
                        state.running -= 1
                        return state.running == 0 ? state.parts : nil
                    }
                    if let finished { continuation.resume(returning: finished.flatMap { $0 }) }
                }
                // As much stack as the main thread: libxml2 walks deep documents recursively.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }
    }
}
