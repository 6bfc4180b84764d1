/* Fixed-arity wrappers around libedit's varargs calls (el_set, el_get, history), which Swift
   cannot call directly (../shared/notes/libedit-and-sqlite.md §1). One wrapper per use, so the
   Swift side never sees a varargs function. Only LineEditor imports this module. */
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <histedit.h>
#include <wchar.h>

/* Swift 6 rejects the mutable C globals `stdin`/`stdout`/`stderr` themselves. */
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stderr(void) { return stderr; }

/* ---- el_set ---- */
static inline int shim_el_prompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_PROMPT, f); }
static inline int shim_el_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int shim_el_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int shim_el_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int shim_el_addfn(EditLine *el, const char *name, const char *help,
                                unsigned char (*f)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int shim_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int shim_el_clientdata_set(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline int shim_el_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }
/* The function libedit reads each character with (EL_GETCFN): 1 and the character, 0 at the
   end of input, -1 on an error (errno says which). */
static inline int shim_el_getcfn(EditLine *el, int (*f)(EditLine *, wchar_t *)) { return el_set(el, EL_GETCFN, f); }

/* ---- el_get ---- */
static inline void *shim_el_clientdata_get(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/* Terminal columns as libedit sees them (termcap "co"), or -1. */
static inline int shim_el_columns(EditLine *el) {
    int columns = -1;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) return -1;
    return columns;
}

/* ---- history ---- */
static inline int shim_hist_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int shim_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int shim_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int shim_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int shim_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline int shim_hist_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
static inline int shim_hist_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return 0;
    return ev.num;
}
/* Walks the entries: H_LAST is the oldest, H_PREV moves towards the newest. Returns the entry's
   text (owned by libedit, valid until the next history call) or NULL at the end. */
static inline const char *shim_hist_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) != 0) return NULL;
    return ev.str;
}
static inline const char *shim_hist_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) != 0) return NULL;
    return ev.str;
}
