import Foundation
import Pipeline
import Testing

@Suite struct BundledResourcesTests {
    @Test func findsTheBundledGlossaryFromTheCheckout() throws {
        let directory = try BundledResources.glossaryDirectory()
        #expect(directory.hasSuffix("/glossaries"))
        #expect(FileManager.default.fileExists(atPath: BundledResources.transformsDirectory(in: directory) + "/Vietnamese-Russian.txt"))
    }

    @Test func findsTheFiveBundledSeeds() throws {
        let seeds = try BundledResources.seedsDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)
    }

    @Test func anExplicitFolderThatDoesNotExistIsAnErrorNamingIt() {
        #expect(throws: BundledResources.NotFound.self) {
            try BundledResources.glossaryDirectory(explicit: "/nonexistent/glossaries")
        }
        let error = try? BundledResources.glossaryDirectory(explicit: "/nonexistent/glossaries")
        #expect(error == nil)
    }
}
