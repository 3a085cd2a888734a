/* Host errno -> WSA error codes, Win32 MSG_* flags -> host MSG_*. */
#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>

#include "msgsock/wscodec.h"

struct errno_map
{
    int host;
    int wsa;
};

static const struct errno_map errno_map[] =
{
    { EINTR,           WS_WSAEINTR },
    { EACCES,          WS_WSAEACCES },
    { EPERM,           WS_WSAEACCES },
    { EFAULT,          WS_WSAEFAULT },
    { EINVAL,          WS_WSAEINVAL },
    { EMFILE,          WS_WSAEMFILE },
    { ENFILE,          WS_WSAEMFILE },
    { EAGAIN,          WS_WSAEWOULDBLOCK },
    { EWOULDBLOCK,     WS_WSAEWOULDBLOCK },
    { EINPROGRESS,     WS_WSAEINPROGRESS },
    { EALREADY,        WS_WSAEALREADY },
    { ENOTSOCK,        WS_WSAENOTSOCK },
    { EBADF,           WS_WSAENOTSOCK },
    { EDESTADDRREQ,    WS_WSAEDESTADDRREQ },
    { EMSGSIZE,        WS_WSAEMSGSIZE },
    { EPROTOTYPE,      WS_WSAEPROTOTYPE },
    { ENOPROTOOPT,     WS_WSAENOPROTOOPT },
    { EPROTONOSUPPORT, WS_WSAEPROTONOSUPPORT },
    { EOPNOTSUPP,      WS_WSAEOPNOTSUPP },
    { ENOTSUP,         WS_WSAEOPNOTSUPP },
    { EAFNOSUPPORT,    WS_WSAEAFNOSUPPORT },
    { EADDRINUSE,      WS_WSAEADDRINUSE },
    { EADDRNOTAVAIL,   WS_WSAEADDRNOTAVAIL },
    { ENETDOWN,        WS_WSAENETDOWN },
    { ENETUNREACH,     WS_WSAENETUNREACH },
    { ENETRESET,       WS_WSAENETRESET },
    { ECONNABORTED,    WS_WSAECONNABORTED },
    { ECONNRESET,      WS_WSAECONNRESET },
    { ENOBUFS,         WS_WSAENOBUFS },
    { ENOMEM,          WS_WSAENOBUFS },
    { EISCONN,         WS_WSAEISCONN },
    { ENOTCONN,        WS_WSAENOTCONN },
    { ESHUTDOWN,       WS_WSAESHUTDOWN },
    { EPIPE,           WS_WSAESHUTDOWN },
    { ETIMEDOUT,       WS_WSAETIMEDOUT },
    { ECONNREFUSED,    WS_WSAECONNREFUSED },
    { EHOSTUNREACH,    WS_WSAEHOSTUNREACH },
    { EHOSTDOWN,       WS_WSAEHOSTUNREACH },
};

int ws_errno_to_wsa(int err)
{
    size_t i;

    for (i = 0; i < sizeof(errno_map) / sizeof(errno_map[0]); i++)
        if (errno_map[i].host == err) return errno_map[i].wsa;
    /* never 0: the caller had a failure to report */
    return WS_WSAEINVAL;
}

int ws_flags_to_host(uint32_t win_flags)
{
    int flags = 0;

    if (win_flags & WS_MSG_OOB) flags |= MSG_OOB;
    if (win_flags & WS_MSG_PEEK) flags |= MSG_PEEK;
    if (win_flags & WS_MSG_DONTROUTE) flags |= MSG_DONTROUTE;
    if (win_flags & WS_MSG_WAITALL) flags |= MSG_WAITALL;
    return flags;
}
