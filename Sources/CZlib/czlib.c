#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>
#include "czlib.h"

struct czlib_file {
    gzFile gz;
};

czlib_file *czlib_open(const char *path) {
    gzFile gz = path ? gzopen(path, "rb") : gzdopen(0, "rb");
    if (!gz) return NULL;
    // Large reads: corpora are read sequentially, a megabyte at a time.
    gzbuffer(gz, 1 << 18);
    czlib_file *file = malloc(sizeof *file);
    if (!file) { gzclose(gz); return NULL; }
    file->gz = gz;
    return file;
}

int czlib_read(czlib_file *file, void *buffer, unsigned capacity) {
    return gzread(file->gz, buffer, capacity);
}

int czlib_truncated(czlib_file *file) {
    int code = Z_OK;
    gzerror(file->gz, &code);
    return code == Z_BUF_ERROR;
}

const char *czlib_error(czlib_file *file) {
    int code = 0;
    const char *message = gzerror(file->gz, &code);
    return message ? message : "unknown zlib error";
}

void czlib_close(czlib_file *file) {
    if (!file) return;
    gzclose(file->gz);
    free(file);
}
