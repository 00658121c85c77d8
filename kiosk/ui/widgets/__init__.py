"""Touch widgets shared by the pages: buttons, keyboard, date picker, layouts, top bar."""
