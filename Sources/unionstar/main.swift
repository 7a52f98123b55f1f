import App
import Foundation

exit(await UnionStarMain.run())
