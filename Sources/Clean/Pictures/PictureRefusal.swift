/// Why a fetched file was not made into a picture. Each is logged and the picture is not retried:
/// the same bytes would be refused again.
public enum PictureRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int)
    case notAPicture(loader: String?)
    case tooManyPixels(width: Int, height: Int)
    case damaged(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .tooLarge(let bytes): "the file is \(bytes) bytes, over the limit of \(PictureProcessor.maximumBytes)"
        case .notAPicture(let loader): "not a JPEG, PNG, WebP or GIF picture" + (loader.map { " (\($0))" } ?? "")
        case .tooManyPixels(let width, let height):
            "\(width)×\(height) pixels, over the limit of \(PictureProcessor.maximumPixels) (a decompression bomb?)"
        case .damaged(let reason): "damaged: \(reason)"
        }
    }
}
