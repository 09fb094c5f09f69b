import Foundation
import Logging
import Synchronization

/// Progress of long work: a line redrawn in place on a terminal, structured log lines otherwise
/// (every `logEvery` steps), so both a person and a log collector can follow it.
final class ProgressLine: Sendable {
    private let label: String
    private let isTerminal: Bool
    private let logger: Logger
    private let logEvery: Int
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    init(label: String, logger: Logger, logEvery: Int = 100) {
        self.label = label
        self.logger = logger
        self.logEvery = logEvery
        self.isTerminal = isatty(STDERR_FILENO) == 1
    }

    func update(done: Int, total: Int, detail: String) {
        if isTerminal {
            // Redraw at most ten times a second, and always at the end.
            let now = ContinuousClock.now
            let draw = lastDraw.withLock { last -> Bool in
                if done < total, let last, now - last < .milliseconds(100) { return false }
                last = now
                return true
            }
            guard draw else { return }
            let width = 24
            let filled = total > 0 ? min(width, done * width / total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(label) \(bar) \(done)/\(total) \(detail)".utf8))
            if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if done == total || done % logEvery == 0 {
            logger.info("\(label) progress", metadata: ["done": "\(done)", "total": "\(total)", "detail": "\(detail)"])
        }
    }
}
