import EnbekshiCore
import Hummingbird
import NIOCore

extension Site {
    /// `/media/{hash}/{width}.{webp|jpg}`: a stored size of a picture, from memory or the store (every
    /// web node reads the same), immutable for a year, revalidated by its ETag.
    func addMedia(to router: Router<SiteRequestContext>) {
        let store = store, pictures = pictures
        router.get("/media/{hash}/{file}") { request, context in
            guard let hash = context.parameters.get("hash"), let file = context.parameters.get("file"),
                case .picture(_, let width, let format) = Self.pictureRoute(hash: hash, file: file)
            else { throw PageError.notFound }
            let etag = "\"\(hash)-\(file)\""
            var headers: HTTPFields = [.cacheControl: "public, max-age=31536000, immutable", .eTag: etag]
            // Keyed by the stored file's name, so "0640.webp" and "640.webp" share one entry.
            let name = "\(width).\(format.fileExtension)"
            let key = "\(hash)/\(name)"
            var found = pictures.file(key)
            if found == nil, let stored = try await store.pictureFile(hash: hash, name: name) {
                let body = ByteBuffer(bytes: stored.bytes)
                pictures.keep(key, contentType: stored.contentType, body: body)
                found = PictureFileCache.File(contentType: stored.contentType, body: body)
            }
            guard let found else { throw PageError.notFound }
            if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) == true {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = found.contentType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: found.body))
        }
    }

    /// The picture route a media path names, when it is well formed: a 32-digit hex hash and a file
    /// `{width}.webp` or `{width}.jpg`.
    static func pictureRoute(hash: String, file: String) -> SiteRoute? {
        guard hash.utf8.count == 32, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
            let dot = file.firstIndex(of: "."), file[..<dot].utf8.allSatisfy({ (48...57).contains($0) }),
            let width = Int(file[..<dot]), width > 0, width <= 10_000,
            let format = PictureFormat(fileExtension: file[file.index(after: dot)...])
        else { return nil }
        return .picture(hash: hash, width: width, format: format)
    }
}
