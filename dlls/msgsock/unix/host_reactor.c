/*
 * The reactor's host side.  The provider's reactor thread sleeps in
 * host_reactor_wait; any thread arms an fd with host_reactor_arm, which Linux
 * allows while the wait is in progress, so arming needs no wake-up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>

#include "msgsock/unixlib.h"
#include "host_reactor.h"
#include "msgsock/wscodec.h"

int32_t host_reactor_open(void *args)
{
    struct host_reactor_open_params *params = args;

    params->epfd = epoll_create1(EPOLL_CLOEXEC);
    params->error = params->epfd < 0 ? ws_errno_to_wsa(errno) : 0;
    return 0;
}

static uint32_t epoll_events_of(uint32_t events)
{
    /* One-shot, level-triggered: arming an fd that is already ready fires at once. */
    uint32_t mask = EPOLLONESHOT;

    if (events & HOST_WAIT_IN) mask |= EPOLLIN;
    if (events & HOST_WAIT_OUT) mask |= EPOLLOUT;
    return mask;
}

int32_t host_reactor_arm(void *args)
{
    static const int ops[] = { EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL };
    struct host_reactor_arm_params *params = args;
    struct epoll_event event = { 0 };
    int op;

    if (params->op > HOST_REACTOR_REMOVE)
    {
        params->error = WS_WSAEINVAL;
        return 0;
    }
    op = ops[params->op];
    event.events = epoll_events_of(params->events);
    event.data.u64 = params->token;
    params->error = epoll_ctl(params->epfd, op, params->fd, &event) ? ws_errno_to_wsa(errno) : 0;
    return 0;
}

static uint32_t wait_events_of(uint32_t mask)
{
    uint32_t events = 0;

    /* An error or hang-up concerns both directions: the transfers that follow report it. */
    if (mask & (EPOLLERR | EPOLLHUP)) return HOST_WAIT_IN | HOST_WAIT_OUT;
    if (mask & (EPOLLIN | EPOLLRDHUP | EPOLLPRI)) events |= HOST_WAIT_IN;
    if (mask & EPOLLOUT) events |= HOST_WAIT_OUT;
    return events;
}

int32_t host_reactor_wait(void *args)
{
    struct host_reactor_wait_params *params = args;
    struct epoll_event ready[64];
    int count, i, capacity = params->capacity < 64 ? (int)params->capacity : 64;

    params->count = 0;
    count = epoll_wait(params->epfd, ready, capacity, params->timeout_ms);
    /* EINTR (Wine's signals) and the like: the caller simply waits again. */
    if (count <= 0) return 0;
    for (i = 0; i < count; i++)
    {
        params->events[i].token = ready[i].data.u64;
        params->events[i].events = wait_events_of(ready[i].events);
    }
    params->count = count;
    return 0;
}
