import Foundation

/// Device and inode: what makes two paths one file or folder (`a.md`, `./a.md`, a symbolic or
/// hard link to it).
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The file `path` names, following symbolic links; nil when it cannot be reached.
    package init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}
