// Reading gzip-compressed (or plain) files through zlib's gz* functions. A C target rather than a
// module map over <zlib.h>: that module map clashed with Foundation's ICU headers in Pipeline.
#ifndef CZLIB_H
#define CZLIB_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct czlib_file czlib_file;

/// Opens the file at `path` (or, when `path` is NULL, standard input) for reading. Compressed data
/// is inflated; anything else is read as it is. Returns NULL and sets errno on failure.
czlib_file *czlib_open(const char *path);

/// Reads up to `capacity` bytes. Returns the count, 0 at the end, -1 on error (see czlib_error).
int czlib_read(czlib_file *file, void *buffer, unsigned capacity);

/// Non-zero when the input ended inside a compressed stream (a truncated .gz file): zlib then
/// returns what it could inflate and flags the error instead of failing the read.
int czlib_truncated(czlib_file *file);

/// zlib's message for the last error, e.g. "invalid stored block lengths".
const char *czlib_error(czlib_file *file);

void czlib_close(czlib_file *file);

#ifdef __cplusplus
}
#endif

#endif
