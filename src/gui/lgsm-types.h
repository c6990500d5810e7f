/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Forward declarations of the views' and the shell's types: a header that
 * needs another class names it through this file instead of including
 * that class's header, so no include cycle can form (tests/check-includes.py
 * checks it). */

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LgsmApplication      LgsmApplication;
typedef struct _LgsmAttract          LgsmAttract;
typedef struct _LgsmAudioGuide       LgsmAudioGuide;
typedef struct _LgsmContext          LgsmContext;
typedef struct _LgsmKiosk            LgsmKiosk;
typedef struct _LgsmLessonDialog     LgsmLessonDialog;
typedef struct _LgsmPicture          LgsmPicture;
typedef struct _LgsmPictureCache     LgsmPictureCache;
typedef struct _LgsmPresentation     LgsmPresentation;
typedef struct _LgsmPresenterConsole LgsmPresenterConsole;
typedef struct _LgsmProblemsDialog   LgsmProblemsDialog;
typedef struct _LgsmReader           LgsmReader;
typedef struct _LgsmRecordPage       LgsmRecordPage;
typedef struct _LgsmSearchView       LgsmSearchView;
typedef struct _LgsmSectionView      LgsmSectionView;
typedef struct _LgsmSlide            LgsmSlide;
typedef struct _LgsmWindow           LgsmWindow;

G_END_DECLS
