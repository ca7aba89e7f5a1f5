"""The domain and the files made from it: parsing, outlines, the engine, the importer, the lifecycle, the regime, the exports."""
