from brief.start import main

main()
