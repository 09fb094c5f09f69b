import EnbekshiCore
import Foundation

/// Pictures named by gov.kz items (the lead picture, pictures in bodies): which are waiting to be
/// fetched, and the sizes made of those fetched, for every web node to serve. An article's lead
/// picture is queued by the store itself when the article is saved, on every path that saves one.
public protocol PictureLibrary: Sendable {
    /// Queues pictures not known yet; known ones keep their state.
    func queuePictures(urls: [String], now: Date) async throws
    /// Up to `limit` pending pictures due by `now`, newest first, each held for `duration` so that
    /// another worker skips it meanwhile.
    func claimPictures(limit: Int, now: Date, duration: TimeInterval) async throws -> [PictureTask]
    /// Stores the picture's files (once per content hash) and marks its URL ready: pages show it.
    func storePicture(url: String, picture: ProcessedPicture, now: Date) async throws
    /// Records a failed fetch: retried from `retryAt`, or refused for good when it is nil.
    func pictureFailed(url: String, reason: String, retryAt: Date?, now: Date) async throws
    /// The ready pictures among `urls`, by URL.
    func pictures(urls: [String]) async throws -> [String: PictureReference]
    /// One stored file of a picture: "original", or a variant's name such as "640.webp".
    func pictureFile(hash: String, name: String) async throws -> PictureFile?
    /// How many pictures wait, are stored, and were refused.
    func pictureCounts() async throws -> PictureCounts
}
