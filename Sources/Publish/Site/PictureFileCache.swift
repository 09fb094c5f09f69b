import NIOCore
import Synchronization

/// Stored picture sizes kept in memory for the media route. A picture's files never change (they are
/// named by their content's hash), so an entry is never stale and needs no content generation; a
/// reader's first view of a page's pictures then does not wait on the store. Bounded by bytes, the
/// least recently used out first, and apart from the page cache, so pictures never push pages out.
final class PictureFileCache: Sendable {
    struct File: Sendable {
        var contentType: String
        var body: ByteBuffer
        var used: UInt64 = 0
    }

    struct State: ~Copyable {
        var files: [String: File] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    let maximumBytes: Int
    private let state = Mutex(State())

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    var count: Int { state.withLock { $0.files.count } }
    var bytes: Int { state.withLock { $0.bytes } }

    func file(_ key: String) -> File? {
        state.withLock { state in
            guard var file = state.files[key] else { return nil }
            state.clock += 1
            file.used = state.clock
            state.files[key] = file
            return file
        }
    }

    /// Keeps a file unless it would take more than an eighth of the cache; when full, the least
    /// recently used go, down to three quarters (one sort per round of eviction, not per file).
    func keep(_ key: String, contentType: String, body: ByteBuffer) {
        guard body.readableBytes <= maximumBytes / 8 else { return }
        state.withLock { state in
            if let old = state.files.removeValue(forKey: key) { state.bytes -= old.body.readableBytes }
            state.clock += 1
            state.files[key] = File(contentType: contentType, body: body, used: state.clock)
            state.bytes += body.readableBytes
            guard state.bytes > maximumBytes else { return }
            for (key, file) in state.files.sorted(by: { $0.value.used < $1.value.used }) {
                guard state.bytes > maximumBytes * 3 / 4 else { break }
                state.files.removeValue(forKey: key)
                state.bytes -= file.body.readableBytes
            }
        }
    }
}
