import Foundation
import Logging
import ServiceLifecycle

/// Publishes the newsroom's scheduled articles when their time comes, inside `serve`. Every node
/// may run it: only one moves each article to published.
public struct NewsroomScheduler: Service {
    let publisher: NewsroomPublisher
    let interval: Duration

    public init(publisher: NewsroomPublisher, interval: Duration = .seconds(30)) {
        self.publisher = publisher
        self.interval = interval
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let published = await publisher.publishDue()
                if published > 0 { publisher.logger.info("newsroom: scheduled articles published", metadata: ["count": "\(published)"]) }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
