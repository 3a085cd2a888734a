/* The documented argument checks shared by every send and receive entry point. */
#ifndef MSGSOCK_TRANSFER_CHECKS_H
#define MSGSOCK_TRANSFER_CHECKS_H

#include "msg_io.h"

/* 0 or the error a send must fail with before anything is sent; binds an unbound datagram socket. */
int check_send(struct socket_ctx *ctx, const struct msg_request *req);
/* 0 or the error a receive must fail with before anything is received. */
int check_recv(struct socket_ctx *ctx, const struct msg_request *req);
/*
 * A stream transfer's host result, corrected where Wine's server saw the
 * event first: it consumes a connection reset (the host then reports end of
 * stream or EPIPE), and the host's EPIPE also stands for "never connected".
 */
int stream_result(struct socket_ctx *ctx, const struct msg_request *req, int error, DWORD bytes);
/* Writes each page of a checked receive's buffers back unchanged (MEM_WRITE_WATCH, as Windows' probe). */
void touch_recv_buffers(const struct msg_request *req);
/* The bytes in the request's buffers. */
ULONG request_length(const struct msg_request *req);
/* TRUE while the provider is between WSPStartup and the matching WSPCleanup. */
BOOL provider_started(void);

#endif
