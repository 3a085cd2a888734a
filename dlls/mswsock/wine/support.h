/* Whether this Wine has what msgsock needs (see support.c). */
#ifndef MSGSOCK_SUPPORT_H
#define MSGSOCK_SUPPORT_H

/* 0, or WSASYSNOTREADY after saying once, loudly, what is missing. */
int wine_support_check(void);

#endif
