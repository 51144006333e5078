# carepost — textes en français.
