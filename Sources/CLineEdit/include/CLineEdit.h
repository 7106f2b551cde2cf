#ifndef CLINEEDIT_H
#define CLINEEDIT_H
/* Thin non-variadic wrappers around libedit (filled in by the line-editor work). */
int kls_lineedit_available(void);
#endif
