from gloss.cli import main

raise SystemExit(main())
