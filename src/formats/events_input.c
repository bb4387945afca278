/* Event files as a stream of lines: a file or standard input, plain, gzip
 * (zlib's inflate, concatenated members allowed) or zip (a small reader of
 * the zip local headers, each entry stored or deflated, CRC-32 checked),
 * recognised by their first bytes. The SHA-256 of every byte read is kept.
 * Memory is two fixed buffers, whatever the size of the input. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <zlib.h>

#include "core/internal.h"
#include "formats/formats.h"

#define RAW_CAP (256u * 1024u)
#define LINE_CAP (1024u * 1024u)
#define LINE_MAX_CAP (16u * 1024u * 1024u)

enum { MODE_PLAIN, MODE_GZIP, MODE_ZIP };
enum { ZIP_HEADER, ZIP_DATA, ZIP_DONE };

struct ag__evin {
    int fd, own_fd;
    const char *display;
    struct sha256_ctx sha;
    uint64_t raw_total, raw_size; /* bytes read; file size (0 unknown) */
    unsigned char *raw;
    size_t rpos, rlen;            /* unread raw bytes: raw[rpos..rlen) */
    int raw_eof;
    int mode;
    z_stream z;
    int z_ready;                  /* inflate initialised */
    int gz_member_end;            /* between gzip members */
    /* zip */
    int zstate, zmethod, zflags;
    uint32_t zcrc_want, zcrc;
    uint64_t zleft;               /* stored entry: bytes left */
    int zentries;
    /* lines */
    char *buf;
    size_t cap, pos, end, scan;
    int eof;
    long line;
};

/* Reads more raw bytes after the unread ones (compacting first); sets
 * raw_eof at the end of the input. */
static ag_status raw_fill(ag__evin *in, ag_error *err)
{
    ssize_t n;
    if (in->rpos > 0) {
        memmove(in->raw, in->raw + in->rpos, in->rlen - in->rpos);
        in->rlen -= in->rpos;
        in->rpos = 0;
    }
    if (in->raw_eof || in->rlen == RAW_CAP)
        return AG_OK;
    do
        n = read(in->fd, in->raw + in->rlen, RAW_CAP - in->rlen);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return ag_error_set(err, AG_EIO, "cannot read: %s", strerror(errno));
    if (n == 0) {
        in->raw_eof = 1;
        return AG_OK;
    }
    sha256_update(&in->sha, (size_t)n, in->raw + in->rlen);
    in->rlen += (size_t)n;
    in->raw_total += (uint64_t)n;
    if (in->raw_size)
        ag__progress("reading events", (size_t)(in->raw_total < in->raw_size ? in->raw_total
                                                                              : in->raw_size - 1),
                     (size_t)in->raw_size);
    return AG_OK;
}

/* At least want unread raw bytes, or fewer at the end of the input. */
static ag_status raw_need(ag__evin *in, size_t want, ag_error *err)
{
    while (in->rlen - in->rpos < want && !in->raw_eof) {
        ag_status st = raw_fill(in, err);
        if (st != AG_OK)
            return st;
    }
    return AG_OK;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static unsigned le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static ag_status corrupt(ag__evin *in, ag_error *err, const char *what)
{
    (void)in;
    return ag_error_set(err, AG_EPARSE, "%s", what);
}

/* Inflates into dst (cap bytes) from the raw buffer; *n bytes out, *done
 * when the deflate stream ended. */
static ag_status inflate_some(ag__evin *in, unsigned char *dst, size_t cap, size_t *n, int *done,
                              ag_error *err)
{
    int zr;
    ag_status st;
    *n = 0;
    *done = 0;
    if (in->rpos == in->rlen && (st = raw_fill(in, err)) != AG_OK)
        return st;
    in->z.next_in = in->raw + in->rpos;
    in->z.avail_in = (uInt)(in->rlen - in->rpos);
    in->z.next_out = dst;
    in->z.avail_out = (uInt)cap;
    zr = inflate(&in->z, Z_NO_FLUSH);
    in->rpos = in->rlen - in->z.avail_in;
    *n = cap - in->z.avail_out;
    if (zr == Z_STREAM_END) {
        *done = 1;
        return AG_OK;
    }
    if (zr == Z_OK)
        return AG_OK;
    if (zr == Z_BUF_ERROR) {
        if (in->raw_eof && in->rpos == in->rlen)
            return corrupt(in, err, "truncated compressed data (the file ends inside it)");
        return AG_OK;
    }
    if (zr == Z_MEM_ERROR)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    return ag_error_set(err, AG_EPARSE, "corrupt compressed data (%s)",
                        in->z.msg ? in->z.msg : "inflate failed");
}

static ag_status gzip_fill(ag__evin *in, unsigned char *dst, size_t cap, size_t *n, ag_error *err)
{
    ag_status st;
    int done;
    *n = 0;
    while (*n == 0) {
        if (in->gz_member_end) {
            if ((st = raw_need(in, 2, err)) != AG_OK)
                return st;
            if (in->rpos == in->rlen)
                return AG_OK; /* end of the last member */
            if (in->rlen - in->rpos < 2 || in->raw[in->rpos] != 0x1f ||
                in->raw[in->rpos + 1] != 0x8b)
                return corrupt(in, err, "corrupt gzip file (data after the compressed stream)");
            inflateReset(&in->z);
            in->gz_member_end = 0;
        }
        if ((st = inflate_some(in, dst, cap, n, &done, err)) != AG_OK)
            return st;
        if (done)
            in->gz_member_end = 1;
    }
    return AG_OK;
}

/* Checks the end of a zip entry: its data descriptor when the header says
 * one follows, then the CRC-32. */
static ag_status zip_entry_end(ag__evin *in, ag_error *err)
{
    ag_status st;
    if (in->zflags & 8) {
        if ((st = raw_need(in, 16, err)) != AG_OK)
            return st;
        if (in->rlen - in->rpos < 12)
            return corrupt(in, err, "truncated zip file (the file ends inside an entry)");
        if (le32(in->raw + in->rpos) == 0x08074b50u) {
            if (in->rlen - in->rpos < 16)
                return corrupt(in, err, "truncated zip file (the file ends inside an entry)");
            in->rpos += 4;
        }
        in->zcrc_want = le32(in->raw + in->rpos);
        in->rpos += 12;
    }
    if (in->zcrc != in->zcrc_want)
        return corrupt(in, err, "corrupt zip file (CRC-32 mismatch)");
    in->zstate = ZIP_HEADER;
    return AG_OK;
}

static ag_status zip_fill(ag__evin *in, unsigned char *dst, size_t cap, size_t *n, ag_error *err)
{
    ag_status st;
    *n = 0;
    while (*n == 0) {
        if (in->zstate == ZIP_DONE) {
            /* the central directory: read (and hash) to the end */
            in->rpos = in->rlen;
            while (!in->raw_eof) {
                if ((st = raw_fill(in, err)) != AG_OK)
                    return st;
                in->rpos = in->rlen;
            }
            return AG_OK;
        }
        if (in->zstate == ZIP_HEADER) {
            const unsigned char *h;
            uint32_t sig;
            size_t skip;
            if ((st = raw_need(in, 30, err)) != AG_OK)
                return st;
            if (in->rlen - in->rpos < 4)
                return corrupt(in, err, "truncated zip file (no central directory)");
            h = in->raw + in->rpos;
            sig = le32(h);
            if (sig == 0x02014b50u || sig == 0x06054b50u) {
                if (in->zentries == 0)
                    return corrupt(in, err, "zip file holds no entry");
                in->zstate = ZIP_DONE;
                continue;
            }
            if (sig != 0x04034b50u)
                return corrupt(in, err, "corrupt zip file (no local header where one is due)");
            if (in->rlen - in->rpos < 30)
                return corrupt(in, err, "truncated zip file (the file ends inside a header)");
            in->zflags = (int)le16(h + 6);
            in->zmethod = (int)le16(h + 8);
            in->zcrc_want = le32(h + 14);
            in->zleft = le32(h + 18);
            skip = 30 + le16(h + 26) + le16(h + 28);
            if (in->zflags & 1)
                return corrupt(in, err, "encrypted zip entries are not supported");
            if (in->zmethod != 0 && in->zmethod != 8)
                return corrupt(in, err, "zip entry compressed by a method other than "
                                        "deflate or none");
            if (in->zmethod == 0 && (in->zflags & 8))
                return corrupt(in, err, "stored zip entry of unknown size");
            if (in->zleft == 0xffffffffu)
                return corrupt(in, err, "zip64 entries are not supported");
            if ((st = raw_need(in, skip, err)) != AG_OK)
                return st;
            if (in->rlen - in->rpos < skip)
                return corrupt(in, err, "truncated zip file (the file ends inside a header)");
            in->rpos += skip;
            in->zcrc = (uint32_t)crc32(0L, Z_NULL, 0);
            in->zentries++;
            if (in->zmethod == 8)
                inflateReset(&in->z);
            in->zstate = ZIP_DATA;
            if (in->zmethod == 0 && in->zleft == 0 && (st = zip_entry_end(in, err)) != AG_OK)
                return st;
            continue;
        }
        if (in->zmethod == 8) {
            int done;
            if ((st = inflate_some(in, dst, cap, n, &done, err)) != AG_OK)
                return st;
            in->zcrc = (uint32_t)crc32(in->zcrc, dst, (uInt)*n);
            if (done && (st = zip_entry_end(in, err)) != AG_OK)
                return st;
        } else {
            size_t k;
            if (in->rpos == in->rlen && (st = raw_fill(in, err)) != AG_OK)
                return st;
            if (in->rpos == in->rlen)
                return corrupt(in, err, "truncated zip file (the file ends inside an entry)");
            k = in->rlen - in->rpos;
            if (k > cap)
                k = cap;
            if (k > in->zleft)
                k = (size_t)in->zleft;
            memcpy(dst, in->raw + in->rpos, k);
            in->rpos += k;
            in->zleft -= k;
            *n = k;
            in->zcrc = (uint32_t)crc32(in->zcrc, dst, (uInt)k);
            if (in->zleft == 0 && (st = zip_entry_end(in, err)) != AG_OK)
                return st;
        }
    }
    return AG_OK;
}

/* Up to cap decoded bytes into dst; *n == 0 only at the end. */
static ag_status decode(ag__evin *in, unsigned char *dst, size_t cap, size_t *n, ag_error *err)
{
    ag_status st;
    if (in->mode == MODE_GZIP)
        return gzip_fill(in, dst, cap, n, err);
    if (in->mode == MODE_ZIP)
        return zip_fill(in, dst, cap, n, err);
    *n = 0;
    if (in->rpos == in->rlen && (st = raw_fill(in, err)) != AG_OK)
        return st;
    *n = in->rlen - in->rpos < cap ? in->rlen - in->rpos : cap;
    memcpy(dst, in->raw + in->rpos, *n);
    in->rpos += *n;
    return AG_OK;
}

ag_status ag__evin_open(const char *path, const char *display, ag__evin **out, ag_error *err)
{
    ag__evin *in = calloc(1, sizeof *in);
    ag_status st;
    struct stat sb;
    *out = NULL;
    if (!in)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    in->display = display;
    in->fd = -1;
    sha256_init(&in->sha);
    in->raw = malloc(RAW_CAP);
    in->cap = LINE_CAP;
    in->buf = malloc(in->cap + 1);
    if (!in->raw || !in->buf) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto fail;
    }
    if (strcmp(path, "-") == 0) {
        in->fd = 0;
    } else {
        in->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (in->fd < 0) {
            st = ag_error_set(err, AG_EIO, "cannot open: %s", strerror(errno));
            goto fail;
        }
        in->own_fd = 1;
    }
    if (fstat(in->fd, &sb) == 0 && S_ISREG(sb.st_mode))
        in->raw_size = (uint64_t)sb.st_size;
    else if (fstat(in->fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        st = ag_error_set(err, AG_EIO, "cannot read: Is a directory");
        goto fail;
    }
    if ((st = raw_need(in, 4, err)) != AG_OK)
        goto fail;
    if (in->rlen >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b)
        in->mode = MODE_GZIP;
    else if (in->rlen >= 4 && le32(in->raw) == 0x04034b50u)
        in->mode = MODE_ZIP;
    if (in->mode != MODE_PLAIN) {
        int zr = inflateInit2(&in->z, in->mode == MODE_GZIP ? 16 + MAX_WBITS : -MAX_WBITS);
        if (zr != Z_OK) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto fail;
        }
        in->z_ready = 1;
    }
    *out = in;
    return AG_OK;
fail:
    ag__evin_close(in);
    return st;
}

void ag__evin_close(ag__evin *in)
{
    if (!in)
        return;
    if (in->own_fd && in->fd >= 0)
        close(in->fd);
    if (in->z_ready)
        inflateEnd(&in->z);
    free(in->raw);
    free(in->buf);
    free(in);
}

ag_status ag__evin_line(ag__evin *in, char **line, size_t *len, long *line_no, ag_error *err)
{
    ag_status st;
    *line = NULL;
    *len = 0;
    for (;;) {
        char *nl = in->scan < in->end ? memchr(in->buf + in->scan, '\n', in->end - in->scan)
                                      : NULL;
        size_t n;
        if (nl || (in->eof && in->pos < in->end)) {
            char *s = in->buf + in->pos;
            size_t k = nl ? (size_t)(nl - s) : in->end - in->pos;
            in->pos += k + (nl ? 1 : 0);
            in->scan = in->pos;
            if (k > 0 && s[k - 1] == '\r')
                k--;
            s[k] = '\0';
            *line = s;
            *len = k;
            *line_no = ++in->line;
            return AG_OK;
        }
        if (in->eof)
            return AG_OK;
        /* make room: move the partial line to the front, grow if full */
        if (in->pos > 0) {
            memmove(in->buf, in->buf + in->pos, in->end - in->pos);
            in->end -= in->pos;
            in->pos = 0;
        }
        in->scan = in->end;
        if (in->end == in->cap) {
            char *nb;
            if (in->cap >= LINE_MAX_CAP)
                return ag_error_set(err, AG_EPARSE, "line %ld is longer than 16 MiB",
                                    in->line + 1);
            nb = realloc(in->buf, in->cap * 2 + 1);
            if (!nb)
                return ag_error_set(err, AG_ENOMEM, "out of memory");
            in->buf = nb;
            in->cap *= 2;
        }
        if ((st = decode(in, (unsigned char *)in->buf + in->end, in->cap - in->end, &n, err)) !=
            AG_OK)
            return st;
        if (n == 0)
            in->eof = 1;
        in->end += n;
    }
}

ag_status ag__evin_finish(ag__evin *in, char sha256[65], ag_error *err)
{
    static const char hex[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    ag_status st;
    /* the rest of the input (nothing for a stream read to its end) */
    while (!in->raw_eof) {
        in->rpos = in->rlen;
        if ((st = raw_fill(in, err)) != AG_OK)
            return st;
    }
    if (in->raw_size)
        ag__progress("reading events", (size_t)in->raw_size, (size_t)in->raw_size);
    sha256_digest(&in->sha, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        sha256[2 * i] = hex[d[i] >> 4];
        sha256[2 * i + 1] = hex[d[i] & 15];
    }
    sha256[64] = '\0';
    return AG_OK;
}
