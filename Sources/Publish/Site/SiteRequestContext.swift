import Hummingbird
import NIOCore

/// The context of every request the application answers, public or editors': Hummingbird's basic
/// one and the peer's address, which the editors' room logs with each sign-in and throttles by.
public struct SiteRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The route template that answered, for the request metrics.
    public let route = RouteLabel()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
