import Dispatch
import EnbekshiCore
import Foundation
import Testing

@Suite("Array.concurrentMap")
struct ArrayConcurrentMapTests {
    @Test("gives map's results in map's order, whatever the count", arguments: [0, 1, 2, 3, 7, 1_000])
    func order(count: Int) async {
        let numbers = Array(0..<count)
        #expect(await numbers.concurrentMap { $0 * $0 - 3 } == numbers.map { $0 * $0 - 3 })
    }

    @Test("other tasks run while a batch is mapped: the slices do not hold the cooperative threads")
    func leavesThePoolFree() async {
        // One slice per core, each blocked until a task lets it go: were the slices on Swift
        // concurrency's pool or Dispatch's (one thread per core and priority on Linux), the task
        // could not run until they gave up.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let gate = DispatchSemaphore(value: 0)
        let opener = Task {
            try? await Task.sleep(for: .milliseconds(100))
            for _ in 0..<cores { gate.signal() }
        }
        let released = await Array(0..<cores).concurrentMap { _ in gate.wait(timeout: .now() + 60) == .success }
        _ = await opener.value
        #expect(released == Array(repeating: true, count: cores))
    }
}
